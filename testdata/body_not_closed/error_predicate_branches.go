package fixtures

import (
	"context"
	"net/http"
	"net/url"
)

// True only for a non-nil error, through branches: a sentinel of another package, a
// type assertion, a recursive look at the wrapped error.
func isCancelled(err error) bool {
	if err == context.Canceled || err == context.DeadlineExceeded {
		return true
	}
	if ue, ok := err.(*url.Error); ok {
		if ue.Timeout() {
			return true
		}
		return isCancelled(ue.Err)
	}
	return false
}

var giveUp bool

// True also when told to give up, whatever the error: nil included.
func shouldStop(err error) bool {
	if giveUp {
		return true
	}
	return err == context.Canceled
}

// The return under the predicate runs only when Do failed: there is no body to close.
func pollCancelled(c *http.Client, req *http.Request) (int, error) {
	for {
		resp, err := c.Do(req)
		if isCancelled(err) {
			return 0, err
		}
		if err != nil {
			continue
		}
		code := resp.StatusCode
		resp.Body.Close()
		if code == http.StatusOK {
			return code, nil
		}
	}
}

// Here the predicate can hold for a response that came back: its body stays open.
func pollStopped(c *http.Client, req *http.Request) (int, error) {
	for {
		resp, err := c.Do(req) // want GL008 "but not when the loop returns at line 57"
		if shouldStop(err) {
			return 0, err
		}
		if err != nil {
			continue
		}
		code := resp.StatusCode
		resp.Body.Close()
		if code == http.StatusOK {
			return code, nil
		}
	}
}
