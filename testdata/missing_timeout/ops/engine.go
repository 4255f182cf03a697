package ops

import (
	"net"
	"net/http"
)

// Engine is a framework's router.
type Engine struct {
	routes map[string]http.HandlerFunc
	addr   string
}

func (e *Engine) Handler() http.Handler { return http.HandlerFunc(e.serve) }

func (e *Engine) serve(w http.ResponseWriter, r *http.Request) {
	if h, ok := e.routes[r.URL.Path]; ok {
		h(w, r)
	}
}

func resolve(addr []string) string {
	if len(addr) > 0 {
		return addr[0]
	}
	return ":8080"
}

// Run is a shortcut for http.ListenAndServe(addr, engine.Handler()); users who need
// timeouts build an http.Server with the handler (a note).
func (e *Engine) Run(addr ...string) error {
	address := resolve(addr)
	return http.ListenAndServe(address, e.Handler()) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

// RunListener: the same for a listener the caller opened.
func (e *Engine) RunListener(l net.Listener) error {
	return http.Serve(l, e) // want GL006 "http.Serve runs an http.Server without timeouts"
}

// Start serves on an address of its own configuration: no shortcut of the caller's.
func (e *Engine) Start() error {
	return http.ListenAndServe(e.addr, e.Handler()) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

var fallback = &Engine{}

// RunFallback hands its address parameter on, but with the handler of another engine
// (the if-initializer's `e` shadows the receiver): not a shortcut for this engine's
// users, reported as a server.
func (e *Engine) RunFallback(addr string) error {
	if e := fallback; e != nil {
		return http.ListenAndServe(addr, e.Handler()) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
	}
	return nil
}
