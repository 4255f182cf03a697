package fixtures

import (
	"fmt"
	"net/http"
	"net/url"
)

type timeoutError interface{ Timeout() bool }

func timedOut(err error) bool {
	t, ok := err.(timeoutError)
	return ok && t.Timeout()
}

type mirrorClient struct {
	mirrors []string
	client  *http.Client
}

// The error is replaced only where Do failed: a later `err == nil` still tells a
// response apart from none, so no earlier response is open at the return in the loop.
func (c *mirrorClient) tryMirrors(build func(string) (*http.Request, error)) (*http.Response, error) {
	var (
		req      *http.Request
		rsp      *http.Response
		err      error
		failures []error
	)
	for index, mirror := range c.mirrors {
		req, err = build(mirror)
		if err != nil {
			return nil, err
		}
		rsp, err = c.client.Do(req)
		slow := false
		if err != nil {
			slow = timedOut(err)
			if !slow {
				uerr, ok := err.(*url.Error)
				if ok && timedOut(uerr.Err) {
					slow = true
					err = uerr.Err
				}
			}
		}
		if err == nil || slow {
			if index != 0 {
				c.mirrors = append(c.mirrors[index:], c.mirrors[:index]...)
			}
			return rsp, err
		}
		failures = append(failures, err)
	}
	return nil, fmt.Errorf("all mirrors failed: %v", failures)
}

func (c *mirrorClient) fetch(path string) (int, error) {
	rsp, err := c.tryMirrors(func(m string) (*http.Request, error) { return http.NewRequest("GET", m+path, nil) })
	if err != nil {
		return 0, err
	}
	defer rsp.Body.Close()
	return rsp.StatusCode, nil
}
