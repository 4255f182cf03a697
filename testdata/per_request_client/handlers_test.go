package fixtures

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"google.golang.org/grpc"
)

// Test files are skipped: a test's clients live as long as the test.
func TestHandler(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := grpc.Dial("backend:443")
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	for i := 0; i < 3; i++ {
		conn, _ := grpc.Dial(srv.URL)
		_ = conn
	}
}
