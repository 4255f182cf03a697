// Package integration drives a deployment under test: a folder of test programs of its
// module, as e2e is.
package integration

import (
	"fmt"
	"net/http"
)

// Stop asks the server under test to exit: the request is expected to fail as the
// server goes away mid-answer, and its response is dropped.
func Stop(url string, code int) error {
	_, err := http.Get(fmt.Sprintf("%s/exit/%d", url, code))
	if err == nil {
		return fmt.Errorf("server did not exit")
	}
	return nil
}

// WaitReady reads one byte of each answer: each turn leaves a body open.
func WaitReady(url string) bool {
	buf := make([]byte, 1)
	for i := 0; i < 50; i++ {
		resp, err := http.Get(url) // want GL008 "`resp.Body` from http.Get is never closed"
		if err != nil {
			return false
		}
		if n, _ := resp.Body.Read(buf); n == 1 && buf[0] == 'y' {
			return true
		}
	}
	return false
}
