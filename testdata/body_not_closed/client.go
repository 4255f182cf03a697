package fixtures

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

func deferredClose(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Reading the body is not closing it.
func readButNotClosed(url string) ([]byte, error) {
	resp, err := http.Get(url) // want GL008 "`resp.Body` from http.Get is read until EOF or an error but never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// The status check returns before the deferred close is registered.
func statusCheckBeforeDefer(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req) // want GL008 "closed on the happy path but not when the function returns at line 38"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	defer resp.Body.Close()
	var v map[string]string
	return json.NewDecoder(resp.Body).Decode(&v)
}

func closedInDeferredClosure(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	return nil
}

// The response goes to the caller, who closes it.
func returnedDirectly(u string) (*http.Response, error) {
	return http.Get(u)
}

func returnedViaVariable(client *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		resp.Body.Close()
		return nil, errors.New("server error")
	}
	return resp, nil
}

func decodeAndClose(resp *http.Response, v interface{}) error {
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

// Passed to a helper that closes it (bodyclose users' false positive).
func passedToHelper(client *http.Client, u string, v interface{}) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return decodeAndClose(resp, v)
}

func closeBody(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, body)
	_ = body.Close()
}

func bodyPassedToHelper(u string) error {
	resp, err := http.Head(u)
	if err != nil {
		return err
	}
	defer closeBody(resp.Body)
	return nil
}

type fetcher struct {
	client *http.Client
	last   *http.Response
}

func (f *fetcher) storedInField(u string) error {
	resp, err := f.client.Get(u)
	if err != nil {
		return err
	}
	f.last = resp
	return nil
}

func capturedByGoroutine(u string, done chan<- error) {
	resp, err := http.Get(u)
	if err != nil {
		done <- err
		return
	}
	go func() {
		defer resp.Body.Close()
		_, err := io.Copy(io.Discard, resp.Body)
		done <- err
	}()
}

func postFormDiscarded(u string) error {
	_, err := http.PostForm(u, url.Values{"a": {"b"}}) // want GL008 "discarded"
	return err
}

func defaultClient(u string) (int, error) {
	resp, err := http.DefaultClient.Post(u, "text/plain", strings.NewReader("x")) // want GL008 "never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Closed only inside the loop over retries: the last attempt's body leaks.
func retries(client *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := client.Do(req) // want GL008 "closed on some paths but not when the loop returns at line 150"
		if err != nil {
			continue
		}
		if resp.StatusCode == http.StatusOK {
			return nil
		}
		resp.Body.Close()
	}
	return errors.New("gave up")
}

// Checked for nil before closing.
func nilChecked(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	return err
}

// Shadowed: the inner response is closed, the outer one not.
func shadowed(client *http.Client, a, b string) error {
	resp, err := client.Get(a) // want GL008 "never closed"
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNotFound {
		resp, err := client.Get(b)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
	}
	return nil
}

// Get on something that is not an HTTP client: a cache.
type cache struct{ m map[string]string }

func (c *cache) Get(key string) (string, error) { return c.m[key], nil }

func notHTTP(c *cache) string {
	v, err := c.Get("k")
	if err != nil {
		return ""
	}
	return v
}

// A HEAD response's body is http.NoBody: nothing to close.
func head(u string) (int, error) {
	resp, err := http.Head(u)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A key-value client's Get(ctx, key): not an HTTP request.
type kv struct{}

type node struct{ Value string }

type result struct{ Node node }

func (kv) Get(ctx interface{}, key string) (*result, error) { return &result{}, nil }

func kvGet(client kv, key string) (string, error) {
	res, err := client.Get(nil, key)
	if err != nil {
		return "", err
	}
	return res.Node.Value, nil
}

// Closed behind a nil check of the body.
func bodyNilChecked(client *http.Client, req *http.Request) {
	res, err := client.Do(req)
	if err != nil {
		return
	}
	if res.Body != nil {
		res.Body.Close()
	}
}

// Per iteration: a defer would keep every body open until the function returns.
func statuses(urls []string) (ok int) {
	for _, u := range urls {
		resp, err := http.Get(u) // want GL008 "`resp.Body` from http.Get is never closed: call resp.Body.Close\(\) before the iteration ends$"
		if err != nil {
			continue
		}
		if resp.StatusCode == http.StatusOK {
			ok++
		}
	}
	return ok
}
