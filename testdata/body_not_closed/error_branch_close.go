package fixtures

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
)

type restClient struct {
	http *http.Client
	base string
}

// Closes the body only in the error branch, which returns no response: every
// response it hands back is still open, the caller's to close.
func (c *restClient) run(method, path string) (*http.Response, error) {
	req, err := http.NewRequest(method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		payload, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		return nil, fmt.Errorf("%d: %s", resp.StatusCode, payload)
	}
	return resp, nil
}

func (c *restClient) remove(path string) error {
	_, err := c.run("DELETE", path) // want GL008 "response from c.run discarded with `_`, so its Body can never be closed"
	return err
}

func (c *restClient) removeClosed(path string) error {
	resp, err := c.run("DELETE", path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Defers the close on a path that goes on to hand the response back: the caller
// cannot tell whether it is closed, and the helper is not followed.
func (c *restClient) copied(path string, w io.Writer) (*http.Response, error) {
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		return nil, err
	}
	if w != nil {
		defer resp.Body.Close()
		if _, err := io.Copy(w, resp.Body); err != nil {
			return nil, err
		}
	}
	return resp, nil
}

func (c *restClient) copiedDropped(path string, w io.Writer) error {
	_, err := c.copied(path, w)
	return err
}

type dumpingClient struct {
	http  *http.Client
	debug io.Writer
}

// Dumps the response when debugging (the dump swaps in an in-memory copy of the
// body) and hands it back: without the dump, the body is the live one.
func (c *dumpingClient) do(req *http.Request) (*http.Response, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if c.debug != nil {
		if d, err := httputil.DumpResponse(resp, true); err == nil {
			c.debug.Write(d)
		}
	}
	return resp, nil
}

func (c *dumpingClient) notify(req *http.Request) error {
	_, err := c.do(req) // want GL008 "response from c.do discarded with `_`, so its Body can never be closed"
	return err
}
