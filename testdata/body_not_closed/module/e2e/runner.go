// Package e2e drives a relay under test: a folder of test programs of its module, where
// GL008 reports what it reports in tests (what piles up or can block the run), as GL006
// skips such folders.
package e2e

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
		_, err = client.Do(req)
		if err != nil {
			return err
		}
	}
	return nil
}

// Healthy asks once and reads only the status.
func Healthy(url string) bool {
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}

// Poll reads one byte of each answer: each turn leaves a body open, and they pile up.
func Poll(url string) bool {
	buf := make([]byte, 1)
	for i := 0; i < 100; i++ {
		resp, err := http.Get(url) // want GL008:low "`resp.Body` from http.Get is never closed"
		if err != nil {
			return false
		}
		if n, _ := resp.Body.Read(buf); n == 1 {
			return true
		}
	}
	return false
}
