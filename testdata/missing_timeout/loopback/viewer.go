package loopback

import (
	"net"
	"net/http"
)

// A server literal served on a loopback listener made in the same function: its Addr
// is only the listener's, for the URL shown to the user.
func startViewer() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	srv := &http.Server{Addr: ln.Addr().String(), Handler: mux}
	go func() {
		_ = srv.Serve(ln)
	}()
	return srv.Addr, nil
}

// The same on every interface: reported.
func startPublicViewer(port string) (string, error) {
	ln, err := net.Listen("tcp", ":"+port)
	if err != nil {
		return "", err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	srv := &http.Server{Addr: ln.Addr().String(), Handler: mux} // want GL006 "http.Server without ReadHeaderTimeout"
	go func() {
		_ = srv.Serve(ln)
	}()
	return srv.Addr, nil
}
