package fixtures

import (
	"context"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"

	"google.golang.org/grpc"
)

// A transport assigned to a field of a proxy built for this request: both die with it.
func forward(w http.ResponseWriter, r *http.Request) {
	target, _ := url.Parse("http://backend:8080")
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.Transport = &http.Transport{IdleConnTimeout: time.Minute} // want GL005 "`http.Transport{...}` makes a new connection pool on every request in handler `forward`"
	proxy.ServeHTTP(w, r)
}

// The same through a literal proxy.
func forwardLiteral(w http.ResponseWriter, r *http.Request) {
	proxy := &httputil.ReverseProxy{Director: func(*http.Request) {}}
	proxy.Transport = &http.Transport{MaxIdleConns: 4} // want GL005 "handler `forwardLiteral`"
	proxy.ServeHTTP(w, r)
}

type gateway struct {
	proxy *httputil.ReverseProxy
}

// A transport stored in a field of a value that outlives the request is kept.
func (g *gateway) configure(w http.ResponseWriter, r *http.Request) {
	g.proxy.Transport = &http.Transport{MaxIdleConns: 4}
}

// A proxy built per request but kept by the receiver keeps its transport too.
func (g *gateway) install(w http.ResponseWriter, r *http.Request) {
	proxy := &httputil.ReverseProxy{}
	proxy.Transport = &http.Transport{}
	g.proxy = proxy
}

type watcher struct{}

func follow(conn *grpc.ClientConn) {
	for {
		_ = conn.GetState()
		time.Sleep(time.Second)
	}
}

// A one-shot start call: the connection built from the request is handed to a goroutine
// that keeps it for as long as it runs.
func (w *watcher) start(rw http.ResponseWriter, r *http.Request) {
	conn, err := grpc.Dial(r.FormValue("addr"))
	if err != nil {
		return
	}
	go follow(conn)
}

// The same with a goroutine literal that loops on the connection.
func (w *watcher) startLiteral(rw http.ResponseWriter, r *http.Request) {
	conn, err := grpc.Dial(r.FormValue("addr"))
	if err != nil {
		return
	}
	go func() {
		defer conn.Close()
		for {
			_ = conn.GetState()
			time.Sleep(time.Second)
		}
	}()
}

// A goroutine cut loose from the request (context.Background()) runs past it and keeps
// the connection.
func (w *watcher) startDetached(rw http.ResponseWriter, r *http.Request) {
	conn, err := grpc.Dial(r.FormValue("addr"))
	if err != nil {
		return
	}
	go func() {
		_ = conn.Invoke(context.Background(), "/watch.Watcher/Run", nil, nil)
	}()
}

// A fire-and-forget goroutine bound to the request builds a connection per request.
func (w *watcher) notify(rw http.ResponseWriter, r *http.Request) {
	conn, err := grpc.Dial(r.FormValue("addr")) // want GL005 "handler `watcher.notify`"
	if err != nil {
		return
	}
	go func() {
		_ = conn.Invoke(r.Context(), "/watch.Watcher/Notify", nil, nil)
	}()
}
