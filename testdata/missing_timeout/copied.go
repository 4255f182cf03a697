package fixtures

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// A client copied from the caller's keeps the caller's Timeout.
func withLogging(base *http.Client, tripper http.RoundTripper) *http.Client {
	copied := new(http.Client)
	*copied = *base
	copied.Transport = tripper
	return copied
}

func withTripper(tripper http.RoundTripper) *http.Client {
	fresh := new(http.Client) // want GL006 "^http.Client without Timeout waits forever"
	fresh.Transport = tripper
	return fresh
}

// A zero client returned beside an error carries no request.
func namespaced(open func() (http.RoundTripper, error)) (http.Client, error) {
	rt, err := open()
	if err != nil {
		return http.Client{}, err
	}
	if rt == nil {
		return http.Client{}, errors.New("no transport")
	}
	_ = rt
	return http.Client{}, nil // want GL006 "^http.Client without Timeout waits forever"
}

func namespacedOrZero(open func() (http.RoundTripper, error)) (http.Client, error) {
	_, err := open()
	if err == nil {
		return http.Client{}, err // want GL006 "^http.Client without Timeout waits forever"
	}
	return http.Client{}, fmt.Errorf("open: %w", err)
}

// Every request through the factory's call is made with a context.
type notifier struct {
	custom *http.Client
}

func (n *notifier) client() *http.Client {
	if n.custom != nil {
		return n.custom
	}
	return &http.Client{}
}

func (n *notifier) notify(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader("{}"))
	if err != nil {
		return err
	}
	resp, err := n.client().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type poster struct{}

func (p *poster) httpClient() *http.Client {
	return &http.Client{} // want GL006 "^http.Client without Timeout waits forever"
}

func (p *poster) post(url string) error {
	resp, err := p.httpClient().Post(url, "text/plain", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Requests made by a function of the file with the caller's context.
func newAPIRequest(ctx context.Context, url string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

func newPlainRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return req, nil
}

func latest(ctx context.Context, url string) error {
	req, err := newAPIRequest(ctx, url)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func latestPlain(url string) error {
	req, err := newPlainRequest(url)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want GL006 "^http.DefaultClient.Do uses http.DefaultClient"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
