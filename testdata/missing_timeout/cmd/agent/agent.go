// Package agent is the `tool agent` subcommand: it runs until stopped, reporting every
// minute, so a stalled request goes unnoticed.
package agent

import (
	"net/http"
	"time"
)

// Run reports to url every minute.
func Run(url string) {
	for range time.NewTicker(time.Minute).C {
		resp, err := http.Post(url, "text/plain", nil) // want GL006 "http.Post uses http.DefaultClient"
		if err == nil {
			resp.Body.Close()
		}
	}
}
