// Package rootlib is the module's root package, its API: only its test folder imports
// it here, and its users elsewhere (shown).
package rootlib

import "net/http"

func Fetch(url string) (*http.Response, error) {
	client := http.Client{Transport: &http.Transport{}} // want GL006 "without Timeout"
	return client.Get(url)
}
