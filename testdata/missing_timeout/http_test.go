package fixtures

import (
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Tests talk to local servers; a hung test is stopped by go test -timeout.
func TestFetch(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err == nil {
		resp.Body.Close()
	}
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err == nil {
		c.Close()
	}
	client := &http.Client{}
	_ = client
}
