package fixtures

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

func slowHandler(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("slow answer"))
}

// Each goroutine leaves its body unread, but the client's Timeout cancels the request
// when it fires, and its connection is dropped: nothing outlives the timer.
func TestTimeoutClientInGoroutines(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(slowHandler))
	defer ts.Close()
	client := http.Client{Timeout: 5 * time.Second}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client.Get(ts.URL)
			if err != nil {
				t.Error(err)
				return
			}
			if res.StatusCode != http.StatusOK {
				t.Error(res.Status)
			}
		}()
	}
	wg.Wait()
}

// The same client without a Timeout: each connection stays busy.
func TestClientWithoutTimeout(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(slowHandler))
	defer ts.Close()
	client := &http.Client{Timeout: 0}
	for i := 0; i < 3; i++ {
		res, err := client.Get(ts.URL) // want GL008:low "`res.Body` from client.Get is never closed: call res.Body.Close\(\) before the iteration ends"
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != http.StatusOK {
			t.Error(res.Status)
		}
	}
}
