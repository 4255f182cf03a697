package fixtures

import (
	"context"
	"net/http"
)

// DoRequest sends the request its caller made: the caller's context bounds it, and
// its callers are in other files (low confidence).
func DoRequest(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want GL006:low "http.DefaultClient.Do uses http.DefaultClient"
}

// StatusClient asks a local API; every request it sends carries its caller's context.
type StatusClient struct{ address string }

func (c *StatusClient) send(req *http.Request) (*http.Response, error) {
	req.Header.Set("Accept", "application/json")
	return http.DefaultClient.Do(req)
}

// Status asks for the status.
func (c *StatusClient) Status(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", "http://"+c.address+"/status", nil)
	if err != nil {
		return nil, err
	}
	return c.send(req)
}

// Reload asks for a reload.
func (c *StatusClient) Reload(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", "http://"+c.address+"/reload", nil)
	if err != nil {
		return nil, err
	}
	return c.send(req)
}

func fetchConfig(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want GL006 "http.DefaultClient.Do uses http.DefaultClient"
}

// LoadConfig's request has no context: a stalled config server hangs it.
func LoadConfig(url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return fetchConfig(req)
}

func replace(req *http.Request, url string) (*http.Response, error) {
	req, _ = http.NewRequest("GET", url, nil)
	return http.DefaultClient.Do(req) // want GL006 "http.DefaultClient.Do uses http.DefaultClient"
}
