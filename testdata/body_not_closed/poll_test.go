package fixtures

import (
	"net/http"
	"testing"
	"time"
)

// A readiness poll of a test: at most 30 tries with a sleep between them, ending at the
// first 200. The bodies it leaves open are a bounded few per run of the test and end
// with the test binary (low).
func TestProxyReady(t *testing.T) {
	for range 30 {
		rsp, _ := http.DefaultClient.Get("http://localhost:8090/healthz") // want GL008:low "not closed"
		if rsp != nil && rsp.StatusCode == 200 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	rsp, err := http.DefaultClient.Get("http://localhost:8090/routes")
	if err != nil {
		t.Fatal(err)
	}
	defer rsp.Body.Close()
}

// A poll with no bound on its tries: as many open bodies as the server answers
// non-200 (shown).
func TestProxyReadyForever(t *testing.T) {
	for {
		rsp, _ := http.DefaultClient.Get("http://localhost:8090/healthz") // want GL008:low "not closed"
		if rsp != nil && rsp.StatusCode == 200 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
}
