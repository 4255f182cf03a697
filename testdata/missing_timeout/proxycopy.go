package fixtures

import (
	"bytes"
	"crypto/tls"
	"io"
	"net/http"
	"time"
)

// A pass-through proxy picks one of two clients; every request it sends carries the
// incoming request's context, which ends when the caller gives up: no Timeout needed.
var (
	verifyingClient = &http.Client{Transport: &http.Transport{TLSHandshakeTimeout: 10 * time.Second}}
	skippingClient  = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
)

func forward(w http.ResponseWriter, r *http.Request, upstream string, skipVerify bool, body []byte) {
	req, err := http.NewRequestWithContext(r.Context(), r.Method, upstream, bytes.NewReader(body))
	if err != nil {
		return
	}
	client := verifyingClient
	if skipVerify {
		client = skippingClient
	}
	res, err := client.Do(req)
	if err != nil {
		return
	}
	defer res.Body.Close()
	io.Copy(w, res.Body)
}

// A copy that also sends a request without a context: the wait is not bounded.
var pushClient = &http.Client{} // want GL006 "http.Client without Timeout"

func push(upstream string) error {
	c := pushClient
	req, err := http.NewRequest("POST", upstream, nil)
	if err != nil {
		return err
	}
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	return res.Body.Close()
}
