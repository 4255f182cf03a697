package leakcheck

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The package's tests check for leaked goroutines: the transport's goroutines that wait
// for this body to be read fail the check, even for one small reply.
func TestPing(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "pong")
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008 "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
	}
}
