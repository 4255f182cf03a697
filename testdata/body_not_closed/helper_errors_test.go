package fixtures

import (
	"fmt"
	"io"
	"net/http"
	"testing"
)

// The body stays open only on the non-200 return, whose error every caller turns
// into the end of its test.
func fetchProfile(url string) ([]byte, error) {
	r, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if r.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %q: %v", url, r.Status)
	}
	b, err := io.ReadAll(r.Body)
	r.Body.Close()
	return b, err
}

func TestProfile(t *testing.T) {
	b, err := fetchProfile(testURL + "profile")
	if err != nil {
		t.Fatalf("no profile: %v", err)
	}
	t.Log(len(b))
	if _, err := fetchProfile(testURL + "trace"); err != nil {
		t.Skipf("trace unsupported: %v", err)
	}
}

// The same helper, but one caller goes on after its error: each failing status leaves a
// connection busy in a test that still runs, until the binary exits (the tests' helper: low).
func fetchTrace(url string) ([]byte, error) {
	r, err := http.Get(url) // want GL008:low "`r.Body` from http.Get is closed on the happy path but not when the function returns at line 44"
	if err != nil {
		return nil, err
	}
	if r.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %q: %v", url, r.Status)
	}
	b, err := io.ReadAll(r.Body)
	r.Body.Close()
	return b, err
}

func TestTraces(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		if _, err := fetchTrace(testURL + name); err != nil {
			t.Log(err)
		}
	}
	if _, err := fetchTrace(testURL); err != nil {
		t.Fatal(err)
	}
}
