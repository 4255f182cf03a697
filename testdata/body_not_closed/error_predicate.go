package fixtures

import (
	"context"
	"errors"
	"net/http"
	"os"
)

var errGone = errors.New("gone")

type lookupError struct{ missing bool }

func (e *lookupError) Error() string { return "lookup" }

// True only for a non-nil error: its branch has no response to close.
func isMissing(err error) bool {
	var le *lookupError
	return err != nil && errors.As(err, &le) && le.missing
}

func isGone(err error) bool {
	return errors.Is(err, errGone)
}

// True for a nil error too: a response may be open in its branch.
func isGoneOrNil(err error) bool {
	return err == nil || errors.Is(err, errGone)
}

func statusUnlessMissing(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if isMissing(err) {
		return 0, nil
	}
	if isGone(err) || os.IsTimeout(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func statusUnlessGoneOrNil(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want GL008 "not when the function returns at line 49"
	if isGoneOrNil(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// The request's context is done: net/http has torn the response down.
func statusUnlessDone(ctx context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	if ctx.Err() != nil {
		return 0, ctx.Err()
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Another context being done says nothing of this request's.
func statusUnlessOtherDone(ctx, other context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req) // want GL008 "not when the function returns at line 86"
	if err != nil {
		return 0, err
	}
	if other.Err() != nil {
		return 0, other.Err()
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
