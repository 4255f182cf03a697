package client

import (
	"net/http"
	"testing"
)

// The code a test of this file is named after, written here as a book writes it
// (readers copy it): judged as production code.
func CountOK(urls []string) int {
	n := 0
	for _, u := range urls {
		res, err := http.Get(u) // want GL008 "`res.Body` from http.Get is never closed"
		if err != nil {
			continue
		}
		head := make([]byte, 2)
		if _, err := res.Body.Read(head); err == nil && string(head) == "OK" {
			n++
		}
	}
	return n
}

func TestCountOK(t *testing.T) {
	if CountOK([]string{"http://localhost:8000/a", "http://localhost:8000/b"}) == 0 {
		t.Skip("no server")
	}
}

// A helper of the tests, with no test of its own: its cost ends with the test binary.
func countOK(t *testing.T, urls []string) int {
	n := 0
	for _, u := range urls {
		res, err := http.Get(u) // want GL008:low "`res.Body` from http.Get is never closed"
		if err != nil {
			t.Fatal(err)
		}
		head := make([]byte, 2)
		if _, err := res.Body.Read(head); err == nil && string(head) == "OK" {
			n++
		}
	}
	return n
}

func TestHealth(t *testing.T) {
	if countOK(t, []string{"http://localhost:8000/health"}) == 0 {
		t.Skip("no server")
	}
}
