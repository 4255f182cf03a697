package fixtures

import (
	"net/http"
	"testing"
)

// Test support code outside _test.go (it takes a *testing.T): a hung test is stopped by
// `go test -timeout`.
func startFakeStore(t *testing.T, addr string) {
	t.Helper()
	go http.ListenAndServe(addr, nil)
	resp, err := http.Get("http://" + addr + "/ready")
	if err == nil {
		resp.Body.Close()
	}
}
