package fixtures

import (
	"bytes"
	"context"
	"net"
	"net/http"
)

// Reduced from a request dumper: a Transport per call, but its dialer hands out an
// in-memory conn, so it owns no sockets and nothing leaks.
type recordingConn struct {
	net.Conn
	out *bytes.Buffer
}

func dumpOutgoing(req *http.Request) ([]byte, error) {
	var buf bytes.Buffer
	t := &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) {
			return &recordingConn{out: &buf}, nil
		},
	}
	defer t.CloseIdleConnections()
	resp, err := t.RoundTrip(req)
	if err == nil {
		resp.Body.Close()
	}
	return buf.Bytes(), err
}

// A dialer function literal that does dial: a real transport per request.
func proxyThrough(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{ // want GL005 "makes a new connection pool on every request"
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, "upstream:8080")
		},
	}
	resp, err := t.RoundTrip(r)
	if err == nil {
		resp.Body.Close()
	}
}
