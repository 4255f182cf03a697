package fixtures

import (
	"io"
	"net/http"
	"testing"
)

const testURL = "http://127.0.0.1:8080/"

// A test helper outside a _test.go file (it takes a testing.TB): read to EOF.
func fetchForTest(tb testing.TB, url string) []byte {
	res, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return body
}

// The same in production code: Close is still net/http's contract.
func fetch(url string) ([]byte, error) {
	res, err := http.Get(url) // want GL008 "`res.Body` from http.Get is read until EOF or an error but never closed, which net/http asks for"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(res.Body)
}
