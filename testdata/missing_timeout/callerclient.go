package missing_timeout

import "net/http"

type APIClient struct {
	hc *http.Client
}

// NewAPIClient takes the caller's client when it gives one: the default is for callers
// that gave none, and one who wants a bound passes a client with a Timeout.
func NewAPIClient(hc *http.Client) *APIClient {
	c := &APIClient{}
	if hc != nil {
		c.hc = hc
	} else {
		c.hc = &http.Client{}
	}
	return c
}

func (c *APIClient) Fetch(url string) (*http.Response, error) {
	return c.hc.Get(url)
}

type OtherClient struct {
	hc *http.Client
}

// NewOtherClient's else branch does not stand for the caller's client: it ignores it.
func NewOtherClient(hc *http.Client, other *http.Client) *OtherClient {
	c := &OtherClient{}
	if hc != nil {
		c.hc = other
	} else {
		c.hc = &http.Client{} // want GL006 "http.Client without Timeout"
	}
	return c
}

func (c *OtherClient) Fetch(url string) (*http.Response, error) {
	return c.hc.Get(url)
}
