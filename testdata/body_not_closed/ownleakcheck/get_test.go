package ownleakcheck

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fortytw2/leaktest"
)

// leaktest's Check compares with the goroutines its own test started with, after the
// server's Close has closed the body's connection: test code, low.
func TestPing(t *testing.T) {
	defer leaktest.Check(t)()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "pong")
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
	}
}

// A helper of tests that do not check: no test sees its open body, which ends with the
// test binary (low).
func status(t *testing.T, url string) int {
	res, err := http.Get(url) // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	first := make([]byte, 1)
	if _, err := res.Body.Read(first); err != nil {
		t.Fatal(err)
	}
	return res.StatusCode
}

func TestStatus(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "ok")
	}))
	defer ts.Close()
	if status(t, ts.URL) != http.StatusOK || status(t, ts.URL+"/b") != http.StatusOK {
		t.Error("not ok")
	}
}
