package leakcheck

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The package's tests check for leaked goroutines, but the server's Close closes its
// idle connection and the transport's goroutines end with it: the body's cost ends with
// the test, as all test code's (low).
func TestPing(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "pong")
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
	}
}
