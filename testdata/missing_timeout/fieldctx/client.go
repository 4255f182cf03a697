// Package fieldctx keeps its clients in unexported fields and sends through them in
// other files of the package.
package fieldctx

import "net/http"

// Tracker sends every request with its caller's context (send.go).
type Tracker struct {
	hc   *http.Client
	base string
}

func NewTracker(base string) Tracker {
	return Tracker{
		base: base,
		hc: &http.Client{
			Transport: &http.Transport{DisableKeepAlives: true},
		},
	}
}

// Mirror sends one request without a context (send.go).
type Mirror struct {
	hc   *http.Client
	base string
}

func NewMirror(base string) *Mirror {
	return &Mirror{
		base: base,
		hc:   &http.Client{}, // want GL006 "http.Client without Timeout"
	}
}
