package fixtures

import (
	"context"
	"net/http"
)

// A HEAD response's Body is http.NoBody: nothing to close.
func exists(client *http.Client, url string) (bool, error) {
	req, err := http.NewRequest("HEAD", url, nil)
	if err != nil {
		return false, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

func existsCtx(ctx context.Context, client *http.Client, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func fetchStatus(ctx context.Context, client *http.Client, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req) // want GL008 "`resp.Body` from client.Do is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

type registry struct {
	client *http.Client
}

// A method of the file that builds its request for the method it is given.
func (r *registry) request(method, url string) (*http.Response, error) {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	return r.client.Do(req)
}

func (r *registry) send(method, url string) (*http.Response, error) {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// Asked for HEAD: the response has no body to close.
func (r *registry) digest(url string) (string, error) {
	resp, err := r.request("HEAD", url)
	if err != nil {
		return "", err
	}
	if d := resp.Header.Get("Digest"); d != "" {
		return d, nil
	}
	head, err := r.send(http.MethodHead, url)
	if err != nil {
		return "", err
	}
	return head.Header.Get("Digest"), nil
}

// Asked for GET: its body is the caller's to close.
func (r *registry) manifest(url string) (string, error) {
	resp, err := r.request("GET", url) // want GL008 "never closed"
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Content-Type"), nil
}

// A method chosen at run time may be GET.
func (r *registry) probe(method, url string) (int, error) {
	resp, err := r.send(method, url) // want GL008 "never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A HEAD request given a context by a copy: the copy is a HEAD request too.
func aliveWithin(ctx context.Context, client *http.Client, url string) bool {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return false
	}
	req = req.WithContext(ctx)
	resp, err := client.Do(req)
	return err == nil && resp.StatusCode == http.StatusOK
}

// A GET request given a context by a copy keeps its body.
func statusWithin(ctx context.Context, client *http.Client, url string) int {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0
	}
	req = req.WithContext(ctx)
	resp, err := client.Do(req) // want GL008 "`resp.Body` from client.Do is never closed"
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
