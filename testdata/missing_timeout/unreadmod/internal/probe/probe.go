// Package probe keeps a default client in an exported field that no code of the
// module reads: its measurements build their own clients (low confidence). The
// client in Reporter is read by the command: reported.
package probe

import "net/http"

// Measurer measures.
type Measurer struct {
	Name       string
	HTTPClient *http.Client
}

// NewMeasurer makes a Measurer with the default settings.
func NewMeasurer() *Measurer {
	return &Measurer{Name: "default", HTTPClient: &http.Client{}} // want GL006:low "http.Client without Timeout"
}

// Reporter reports.
type Reporter struct {
	Uploader *http.Client
}

// NewReporter makes a Reporter.
func NewReporter() *Reporter {
	return &Reporter{Uploader: &http.Client{}} // want GL006 "http.Client without Timeout"
}
