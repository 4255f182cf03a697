// A file named for a mock: the tests' fake tunnel service, low.
package tunnel

import "net/http"

// NewMockClient returns a client of the fake service.
func NewMockClient() *http.Client {
	return &http.Client{} // want GL006:low "http.Client without Timeout"
}
