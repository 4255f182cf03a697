package fixtures

import (
	"net/http"
	"time"
)

// Probe keeps a client in a field that nothing reads: its measurements build their own
// clients, so no request goes through this one (low confidence).
type Probe struct {
	Began       time.Time
	probeClient *http.Client
	ProbeClient *http.Client
}

func newProbe() *Probe {
	return &Probe{
		Began:       time.Now(),
		probeClient: &http.Client{}, // want GL006:low "http.Client without Timeout"
	}
}

// Fetcher's client is read where it sends: reported.
type Fetcher struct {
	hc *http.Client
}

func newFetcher() *Fetcher {
	return &Fetcher{hc: &http.Client{}} // want GL006 "http.Client without Timeout"
}

func (f *Fetcher) fetch(url string) (*http.Response, error) {
	return f.hc.Get(url)
}

// An exported field outside a known module may be read by any importer: reported.
func newExportedProbe() *Probe {
	return &Probe{ProbeClient: &http.Client{}} // want GL006 "http.Client without Timeout"
}
