package fixtures

import (
	"fmt"
	"io"
	"net/http"
)

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

var fetchFailed, fetchDone counter

// The deferred closure counts the outcome and closes the body only on success: a
// failed read or a bad status returns with the body open.
func fetchKey(client *http.Client, uri string) (b []byte, e error) {
	resp, err := client.Get(uri) // want GL008 "`resp.Body` is closed by the deferred closure at line 19 only when `e` is nil, not on the error return at line 32"
	defer func() {
		if e != nil {
			fetchFailed.inc()
			return
		}
		fetchDone.inc()
		_ = resp.Body.Close()
	}()
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return body, nil
}

func flush() error { return nil }

// The closure's e is its own, the flush's error, not the named result: the message
// would say the body is closed only when the function succeeds.
func fetchKeyFlushed(client *http.Client, uri string) (b []byte, e error) {
	resp, err := client.Get(uri)
	if err != nil {
		return nil, err
	}
	defer func() {
		if e := flush(); e != nil {
			fetchFailed.inc()
			return
		}
		resp.Body.Close()
	}()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

// The closure closes the body whatever the outcome.
func fetchKeyClosed(client *http.Client, uri string) (b []byte, e error) {
	resp, err := client.Get(uri)
	if err != nil {
		return nil, err
	}
	defer func() {
		if e != nil {
			fetchFailed.inc()
		}
		resp.Body.Close()
	}()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return body, nil
}

// Conditional on the named error, but no error is returned past the request's own
// check, where the response is nil.
func fetchKeyLenient(client *http.Client, uri string) (b []byte, e error) {
	resp, err := client.Get(uri)
	defer func() {
		if e != nil {
			return
		}
		resp.Body.Close()
	}()
	if err != nil {
		return nil, err
	}
	body, _ := io.ReadAll(resp.Body)
	return body, nil
}

// The closure closes the body first, then keeps its error if there was none.
func download(u string) (data []byte, err error) {
	res, err := http.Get(u)
	if err != nil {
		return
	}
	defer func() {
		if closeErr := res.Body.Close(); err == nil {
			err = closeErr
		}
	}()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", res.Status)
	}
	return io.ReadAll(res.Body)
}

type streamReader struct {
	client *http.Client
	rc     io.ReadCloser
}

// The closure closes the body when the named error is set: `return nil, err` sets it
// before the closure runs, so every error return closes the body; success keeps it open
// on purpose (stored in r.rc).
func (r *streamReader) open(uri string) (_ io.Reader, retErr error) {
	resp, err := r.client.Get(uri)
	if err != nil {
		return nil, err
	}
	defer func() {
		if retErr != nil {
			_ = resp.Body.Close()
		}
	}()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	r.rc = resp.Body
	return r.rc, nil
}

// The same with a second test in the condition.
func (r *streamReader) openChecked(uri string) (_ io.Reader, retErr error) {
	resp, err := r.client.Get(uri)
	if err != nil {
		return nil, err
	}
	defer func() {
		if retErr != nil && resp != nil {
			_ = resp.Body.Close()
		}
	}()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	r.rc = resp.Body
	return r.rc, nil
}

// Closed only when the named error is nil: the error return leaves the body open.
func (r *streamReader) openKept(uri string) (_ io.Reader, retErr error) {
	resp, err := r.client.Get(uri) // want GL008 "`resp.Body` is closed by the deferred closure at line 164 only when `retErr` is nil, not on the error return at line 170"
	if err != nil {
		return nil, err
	}
	defer func() {
		if retErr == nil {
			_ = resp.Body.Close()
		}
	}()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil, nil
}
