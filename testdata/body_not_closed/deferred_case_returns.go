package fixtures

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

var errGone = errors.New("gone")

// The defer sits in a case that always returns in the same iteration: no iteration's
// response outlives it. The case that goes round again closes its body first.
func fetchRetrying(c *http.Client, u string, refresh func() error) (*http.Response, error) {
	for range 3 {
		resp, err := c.Get(u)
		if err != nil {
			return nil, err
		}
		switch {
		case resp.StatusCode == http.StatusUnauthorized:
			resp.Body.Close()
			if err := refresh(); err != nil {
				return nil, err
			}
		case resp.StatusCode == http.StatusGone:
			resp.Body.Close()
			return nil, errGone
		case resp.StatusCode >= http.StatusBadRequest:
			defer resp.Body.Close()
			msg, err := io.ReadAll(resp.Body)
			if err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("%d: %s", resp.StatusCode, msg)
		default:
			return resp, nil
		}
	}
	return nil, errGone
}

// Here the case with the defer can go round again: its response stays open.
func fetchRetryingKept(c *http.Client, u string, refresh func() error) (*http.Response, error) {
	for range 3 {
		resp, err := c.Get(u) // want GL008 "closed by the defer at line 52 only when the function returns"
		if err != nil {
			return nil, err
		}
		switch {
		case resp.StatusCode >= http.StatusBadRequest:
			defer resp.Body.Close()
			if err := refresh(); err != nil {
				return nil, err
			}
			continue
		default:
			return resp, nil
		}
	}
	return nil, errGone
}
