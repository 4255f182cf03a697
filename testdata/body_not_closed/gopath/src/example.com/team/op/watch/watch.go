// Package watch opens watch streams for the other packages of the module.
package watch

import (
	"io"
	"net/http"
)

// Open starts a watch; the caller closes the response's body.
func Open(c *http.Client, url string) (*http.Response, error) {
	return c.Get(url + "?watch=1")
}

// Stream is a watch whose Body the caller reads.
type Stream struct {
	Body io.ReadCloser
}

// OpenStream starts a watch and hands back its body alone.
func OpenStream(c *http.Client, url string) (*Stream, error) {
	resp, err := c.Get(url + "?watch=1")
	if err != nil {
		return nil, err
	}
	return &Stream{Body: resp.Body}, nil
}
