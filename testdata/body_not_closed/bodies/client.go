package bodies

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
)

// getFunc is what a Client fetches with; tests swap in fakes.
type getFunc func(ctx context.Context, url string) (*http.Response, error)

type Client struct {
	hc   *http.Client
	base string
	get  getFunc
	head func(url string) (*http.Response, error)
}

// checkStatus hands back the response it was given, with an error for a bad status.
func checkStatus(resp *http.Response, err error) (*http.Response, error) {
	if err != nil {
		return resp, err
	}
	if resp.StatusCode >= 400 {
		return resp, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}

func (c *Client) request(method, path string) (*http.Response, error) {
	req, err := http.NewRequest(method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := checkStatus(c.hc.Do(req))
	if err != nil {
		return resp, err
	}
	return resp, nil
}

// Delete returns the response of a DELETE request, its body still open.
func (c *Client) Delete(path string) (*http.Response, error) {
	return c.request(http.MethodDelete, path)
}

// call hands back the body of the response, for the caller to read and close.
func (c *Client) call(method, path string) (io.ReadCloser, int, error) {
	req, err := http.NewRequest(method, c.base+path, nil)
	if err != nil {
		return nil, -1, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, -1, err
	}
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return nil, resp.StatusCode, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp.Body, resp.StatusCode, nil
}

// stream hands back what call does.
func (c *Client) stream(path string) (io.ReadCloser, error) {
	body, _, err := c.call(http.MethodGet, path)
	return body, err
}

// buffered reads the whole body and hands back a copy in memory: nothing to close.
func (c *Client) buffered(path string) (io.ReadCloser, error) {
	resp, err := c.hc.Get(c.base + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}
