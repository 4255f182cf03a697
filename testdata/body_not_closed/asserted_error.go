package fixtures

import (
	"net"
	"net/http"
)

// `_, ok := err.(net.Error); ok` holds only for a non-nil error: no body to close there.
func fetchRetrying(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if _, ok := err.(net.Error); ok {
			continue
		}
		if err != nil {
			return nil, err
		}
		return resp, nil
	}
	return nil, nil
}

func fetchUnlessTimeout(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			continue
		}
		if err != nil {
			return nil, err
		}
		return resp, nil
	}
	return nil, nil
}

// The assertion's ok is another value's: the response may be open when the loop continues.
func fetchSkippingConn(c *http.Client, req *http.Request, v interface{}) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want GL008
		if _, ok := v.(net.Conn); ok {
			continue
		}
		if err != nil {
			return nil, err
		}
		return resp, nil
	}
	return nil, nil
}

// `!ok`: the error may be nil there, with an open body.
func fetchUnlessNetError(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want GL008
		if _, ok := err.(net.Error); !ok {
			continue
		}
		if err != nil {
			return nil, err
		}
		return resp, nil
	}
	return nil, nil
}

type retrier struct{ c *http.Client }

func (r *retrier) attempt(req *http.Request) (*http.Response, error) {
	return r.c.Do(req)
}

func (r *retrier) refresh() error { return nil }

// The 401 branch closes the body and assigns err again, but always leaves the loop:
// the later `err != nil` sees only the request's error.
func (r *retrier) fetchRenewing(req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		for _, scheme := range []string{"https", "http"} {
			req.URL.Scheme = scheme
			resp, err := r.attempt(req)
			if _, ok := err.(net.Error); ok {
				continue
			}
			if resp != nil && resp.StatusCode == http.StatusUnauthorized {
				resp.Body.Close()
				err = r.refresh()
				if err != nil {
					return nil, err
				}
				break
			}
			if err != nil {
				return nil, err
			}
			return resp, nil
		}
	}
	return nil, nil
}

// The branch that assigns err falls through to the check: the body may be open there.
func (r *retrier) fetchFallingThrough(req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := r.attempt(req) // want GL008
		if resp != nil && resp.StatusCode == http.StatusTeapot {
			err = r.refresh()
		}
		if err != nil {
			return nil, err
		}
		return resp, nil
	}
	return nil, nil
}

// A break of a switch inside the loop reaches the check after the switch.
func (r *retrier) fetchBreakingSwitch(req *http.Request, mode int) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := r.attempt(req) // want GL008
		switch mode {
		case 1:
			if resp != nil {
				err = r.refresh()
				break
			}
		}
		if err != nil {
			return nil, err
		}
		return resp, nil
	}
	return nil, nil
}
