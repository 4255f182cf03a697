package fixtures

import (
	"errors"
	"io"
	"net/http"
)

func unauthorized(resp *http.Response) bool {
	return resp != nil && resp.StatusCode == http.StatusUnauthorized
}

// The error of the first try is replaced only by a nil one, together with the
// response: a later `getErr != nil` still means the first try failed and left none.
func fetchWithoutToken(c *http.Client, req *http.Request) ([]byte, error) {
	resp, getErr := c.Do(req)
	if unauthorized(resp) {
		req.Header.Del("Authorization")
		again, e := c.Do(req)
		if e == nil {
			resp.Body.Close()
			resp = again
			getErr = e
		}
	}
	if getErr != nil {
		return nil, getErr
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Here the retry's failure replaces the error while the first response is still
// open: the return in `getErr != nil` leaves it so.
func fetchKeepingFailure(c *http.Client, req *http.Request) ([]byte, error) {
	resp, getErr := c.Do(req) // want GL008 "not when the function returns at line 44"
	if unauthorized(resp) {
		req.Header.Del("Authorization")
		if _, e := c.Head(req.URL.String()); e != nil {
			getErr = errors.Join(e, errors.New("retry"))
		}
	}
	if getErr != nil {
		return nil, getErr
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
