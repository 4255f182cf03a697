package fixtures

import (
	"errors"
	"io"
	"net/http"
)

// Hands back the response for its headers, its body read and closed; a failed read
// hands it back open.
func download(c *http.Client, u string) ([]byte, *http.Response) {
	resp, err := c.Get(u) // want GL008
	if err != nil {
		return nil, resp
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, resp
	}
	resp.Body.Close()
	return data, resp
}

// Closes the body of a rejected response and says so with an error; a good one is
// the caller's to read and close.
func open(c *http.Client, u string) (*http.Response, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return resp, errors.New(resp.Status)
	}
	return resp, nil
}

// Always hands the body back open.
func openAlways(c *http.Client, u string) (*http.Response, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// Closes the body on every path it returns the response.
func downloadClosed(c *http.Client, u string) ([]byte, *http.Response) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, resp
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, resp
	}
	return data, resp
}
