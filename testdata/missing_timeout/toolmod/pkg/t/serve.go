// Package t lies deeper than the top of the module: a package like any other, shown.
package t

import "net/http"

var client = &http.Client{} // want GL006 "http.Client without Timeout"

// Fetch sends the package's requests.
func Fetch(url string) (*http.Response, error) {
	return client.Get(url)
}
