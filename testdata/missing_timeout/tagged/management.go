//go:build integration

// Package tagged is built only with the integration tag, for the suite that talks to
// the broker's management API: its missing timeouts wait in a test run only (low).
package tagged

import "net/http"

func Queues(url string) (*http.Response, error) {
	client := http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want GL006:low "without Timeout"
	return client.Get(url)
}
