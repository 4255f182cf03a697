package fixtures

import (
	"bytes"
	"io"
	"net/http"

	"example.com/lib/closeutil"
)

// A deferred call of another package's helper takes the original body: the defer
// evaluates its argument when it runs, so the helper closes the body that is then
// replaced, not the copy.
func deferredHelperThenReplaced(hc *http.Client, url string) ([]byte, error) {
	resp, err := hc.Get(url)
	if err != nil {
		return nil, err
	}
	defer closeutil.SafeClose(resp.Body)
	data, _ := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewBuffer(data))
	return io.ReadAll(resp.Body)
}

// A deferred drain does not close the original body.
func deferredDrainThenReplaced(hc *http.Client, url string) ([]byte, error) {
	resp, err := hc.Get(url) // want GL008 "never closed"
	if err != nil {
		return nil, err
	}
	defer io.Copy(io.Discard, resp.Body)
	data, _ := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewBuffer(data))
	return io.ReadAll(resp.Body)
}
