package service

import (
	"errors"
	"io"
	"log"
	"net/http"
)

func logResponse(resp *http.Response) {
	log.Printf("%s: %d", resp.Request.URL, resp.StatusCode)
}

func finish(resp *http.Response) error {
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// Helpers that hand back a response they made, still open, to callers in ping.go.
func fetchHealth(c *http.Client, base string) (*http.Response, error) {
	return c.Get(base + "/health")
}

func (s *service) send(req *http.Request) (*http.Response, error) {
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

// A helper that closes the body before handing back the response.
func fetchClosed(c *http.Client, u string) (*http.Response, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return resp, nil
}

// A helper that closes the body on some paths (`if v != nil { defer ... }`) before
// handing the response back: the caller cannot tell which, and it is not followed.
func (s *service) call(req *http.Request, v io.Writer) (*http.Response, error) {
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	if v != nil {
		defer resp.Body.Close()
		if _, err := io.Copy(v, resp.Body); err != nil {
			return nil, err
		}
	}
	return resp, nil
}
