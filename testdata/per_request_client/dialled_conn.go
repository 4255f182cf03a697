package fixtures

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
)

// The transport's dialer hands out a connection dialled before it, once per request:
// the transport keeps that socket idle in its pool after the response, and nothing
// ever closes it.
func proxyToPeer(addr string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		rp := httputil.ReverseProxy{
			Director: func(out *http.Request) { out.URL.Scheme, out.URL.Host = "http", r.Host },
			Transport: &http.Transport{ // want GL005 "makes a new connection pool on every request in the handler literal at line 14"
				DialContext: func(ctx context.Context, network, address string) (net.Conn, error) {
					return conn, nil
				},
			},
		}
		rp.ServeHTTP(w, r)
	})
}

// An in-memory pipe per request: the transport owns no socket.
func proxyToPipe(serve func(net.Conn)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client, server := net.Pipe()
		go serve(server)
		rp := httputil.ReverseProxy{
			Director: func(out *http.Request) { out.URL.Scheme, out.URL.Host = "http", r.Host },
			Transport: &http.Transport{
				DialContext: func(ctx context.Context, network, address string) (net.Conn, error) {
					return client, nil
				},
			},
		}
		rp.ServeHTTP(w, r)
	})
}
