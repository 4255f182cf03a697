package fixtures

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Fetch is the code under test that a `_test.go` file declares, as a book's example
// does: no test harness, and readers copy it. Shown.
func Fetch(url string) (string, error) {
	res, err := http.Get(url) // want GL008
	if err != nil {
		return "", err
	}
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("fetch: %s", res.Status)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return string(b), err
}

// fetchState is a harness helper: the body stays open only on a status the test did
// not expect, from the test's own server (low).
func fetchState(t *testing.T, url string) (string, error) {
	t.Helper()
	res, err := http.Get(url + "/state") // want GL008:low
	if err != nil {
		return "", err
	}
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("state: %s", res.Status)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return string(b), err
}

func TestFetch(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	for i := 0; i < 3; i++ {
		if _, err := Fetch(srv.URL); err != nil {
			t.Error(err)
		}
	}
	if _, err := fetchState(t, srv.URL); err != nil {
		t.Fatal(err)
	}
}

func TestFetchAgain(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	for i := 0; i < 3; i++ {
		if _, err := fetchState(t, srv.URL); err != nil {
			t.Error(err)
		}
	}
}
