// Package probe is internal and only the module's tests import it: its waits happen in
// a test run only (low).
package probe

import "net/http"

func Ready(url string) (*http.Response, error) {
	return http.Get(url) // want GL006:low "http.Get uses http.DefaultClient"
}
