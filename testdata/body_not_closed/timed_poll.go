package fixtures

import (
	"net/http"
	"sync"
	"time"
)

type dependencyWait struct {
	timeout  time.Duration
	interval time.Duration
	wg       sync.WaitGroup
}

// A start-up wait polls a dependency until it answers: each try's body left open is
// dropped by the client's Timeout, and the poll holds at most a few at once. Low where
// nothing shows the poll itself runs again.
func (w *dependencyWait) waitForHTTP(url string) {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		client := &http.Client{Timeout: w.timeout}
		for {
			resp, err := client.Get(url) // want GL008:low "^`resp.Body` from client.Get is never closed \(its client's Timeout drops the connection only when it fires\)"
			if err == nil && resp.StatusCode < http.StatusMultipleChoices {
				return
			}
			time.Sleep(w.interval)
		}
	}()
}

// The same poll in a request handler runs again with every request: shown.
func readiness(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: time.Second}
	for {
		resp, err := client.Get("http://127.0.0.1:8500/ready") // want GL008 "never closed \(its client's Timeout drops the connection only when it fires\)"
		if err == nil && resp.StatusCode == http.StatusOK {
			w.WriteHeader(http.StatusOK)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// A loop that does not wait between tries is no poll: each turn holds a connection
// until the Timeout fires, as many at once as the turns within it (shown).
func waitWithoutPause(url string) {
	client := &http.Client{Timeout: 30 * time.Second}
	for {
		resp, err := client.Get(url) // want GL008 "never closed \(its client's Timeout drops the connection only when it fires\)"
		if err == nil && resp.StatusCode == http.StatusOK {
			return
		}
	}
}
