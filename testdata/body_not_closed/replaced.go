package fixtures

import (
	"bytes"
	"io"
	"net/http"
)

// Reply keeps the response for the caller, who may close its body.
type Reply struct{ *http.Response }

type api struct{ hc *http.Client }

// The body is read and swapped for an in-memory copy: the caller's Close closes the
// copy, and the connection's body stays open.
func (a *api) replacedUnclosed(r *http.Request) (*Reply, error) {
	resp, err := a.hc.Do(r) // want GL008 "`resp.Body` from a.hc.Do is read to EOF, then replaced at line 23 without a Close"
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	reply := &Reply{Response: resp}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return reply, err
}

func (a *api) closedThenReplaced(r *http.Request) (*Reply, error) {
	resp, err := a.hc.Do(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return &Reply{Response: resp}, err
}

// The deferred Close evaluates the original body when the defer statement runs.
func (a *api) deferredThenReplaced(r *http.Request) (*Reply, error) {
	resp, err := a.hc.Do(r)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return &Reply{Response: resp}, err
}

type countingBody struct {
	io.ReadCloser
	n int
}

// Wrapped: closing the new body closes the original.
func (a *api) wrapped(r *http.Request) (*Reply, error) {
	resp, err := a.hc.Do(r)
	if err != nil {
		return nil, err
	}
	resp.Body = &countingBody{ReadCloser: resp.Body}
	return &Reply{Response: resp}, nil
}

func finish(body io.ReadCloser) []byte {
	data, _ := io.ReadAll(body)
	body.Close()
	return data
}

// Handed to a function of the package before it is replaced: that function may close it.
func (a *api) handedThenReplaced(r *http.Request) (*Reply, error) {
	resp, err := a.hc.Do(r)
	if err != nil {
		return nil, err
	}
	data := finish(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return &Reply{Response: resp}, nil
}

// Read part way (one line of it) before the swap: the connection stays busy.
func (a *api) peekedThenReplaced(r *http.Request, buf []byte) (*Reply, error) {
	resp, err := a.hc.Do(r) // want GL008 "`resp.Body` from a.hc.Do is replaced at line 89 before it is closed"
	if err != nil {
		return nil, err
	}
	n, _ := resp.Body.Read(buf)
	resp.Body = io.NopCloser(bytes.NewReader(buf[:n]))
	return &Reply{Response: resp}, nil
}
