//go:build linux && !integration

package tagged

import "net/http"

// Built for linux, outside the integration runs: the program's (shown).
func Status(url string) (*http.Response, error) {
	client := http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want GL006 "without Timeout"
	return client.Get(url)
}
