package undertest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The code under test, written in the test file that tests it (a book's example):
// readers copy it, so its leak is shown.
func Fetch(url string) (string, error) {
	res, err := http.Get(url) // want GL008 "`res.Body` from http.Get is closed on the happy path but not when the function returns at line 21"
	if err != nil {
		return "", err
	}
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d", res.StatusCode)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return string(body), err
}

func TestFetch(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	}))
	defer ts.Close()
	if _, err := Fetch(ts.URL); err == nil {
		t.Fatal("no error")
	}
}

// A helper of the tests with no test of its own: the stream it leaves open at the
// event it waits for ends with the test that cancels ctx, or with the test binary (low).
func waitForEvent(ctx context.Context, url, want string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req) // want GL008:low "`res.Body` from http.DefaultClient.Do is closed on the happy path but not when the loop returns at line 52"
	if err != nil {
		return err
	}
	scanner := bufio.NewScanner(res.Body)
	for scanner.Scan() {
		if scanner.Text() == want {
			return nil
		}
	}
	res.Body.Close()
	return scanner.Err()
}

func TestEvents(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(w, "event %d\n", i)
			w.(http.Flusher).Flush()
		}
	}))
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := waitForEvent(ctx, ts.URL, "event 1"); err != nil {
		t.Fatal(err)
	}
}
