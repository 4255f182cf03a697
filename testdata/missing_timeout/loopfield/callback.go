package loopfield

import (
	"net"
	"net/http"
)

// A login callback served by a method that gets its listener from its one caller,
// which binds it to loopback: only the user's browser on this machine reaches it.
type login struct {
	server *http.Server
}

func (p *login) begin() error {
	if l, err := net.Listen("tcp", "127.0.0.1:0"); err == nil {
		go p.serve(l)
	}
	return nil
}

func (p *login) serve(l net.Listener) {
	mux := http.NewServeMux()
	mux.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {})
	p.server = &http.Server{Handler: mux}
	_ = p.server.Serve(l)
}

// The same served on a listener its caller binds to every interface: reported.
type hook struct {
	hookServer *http.Server
}

func (h *hook) begin(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	go h.listen(l)
	return nil
}

func (h *hook) listen(l net.Listener) {
	h.hookServer = &http.Server{Handler: http.NotFoundHandler()} // want GL006 "http.Server without ReadHeaderTimeout"
	_ = h.hookServer.Serve(l)
}

// An exported method's listener comes from callers the file does not show: reported.
type Relay struct {
	relayServer *http.Server
}

// Run serves the relay on l.
func (r *Relay) Run(l net.Listener) error {
	r.relayServer = &http.Server{Handler: http.NotFoundHandler()} // want GL006 "http.Server without ReadHeaderTimeout"
	return r.relayServer.Serve(l)
}
