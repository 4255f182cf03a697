// Package probe asks the fleet's members how they are.
package probe

import (
	"net/http"

	"example.com/fleet/errs"
)

// Status has no response to close where another package's predicate says it failed.
func Status(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if errs.IsMissing(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Retry may leave a response open: the predicate holds for a nil error too.
func Retry(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want GL008 "not when the function returns"
	if errs.Retryable(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
