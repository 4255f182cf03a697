// Package mocks is e2e/ outside a folder of test programs: production code, where
// GL008 keeps net/http's contract.
package mocks

import (
	"bytes"
	"net/http"
)

// Expect sets up the mock's answers: the responses are dropped, as tests drop those of
// requests they expect to fail.
func Expect(client *http.Client, url string, answers [][]byte) error {
	for _, a := range answers {
		req, err := http.NewRequest("POST", url, bytes.NewReader(a))
		if err != nil {
			return err
		}
		_, err = client.Do(req) // want GL008 "response from client.Do discarded with `_`"
		if err != nil {
			return err
		}
	}
	return nil
}

// Healthy asks once and reads only the status.
func Healthy(url string) bool {
	resp, err := http.Get(url) // want GL008 "`resp.Body` from http.Get is never closed"
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}

// Poll reads one byte of each answer: each turn leaves a body open, and they pile up.
func Poll(url string) bool {
	buf := make([]byte, 1)
	for i := 0; i < 100; i++ {
		resp, err := http.Get(url) // want GL008 "`resp.Body` from http.Get is never closed"
		if err != nil {
			return false
		}
		if n, _ := resp.Body.Read(buf); n == 1 {
			return true
		}
	}
	return false
}
