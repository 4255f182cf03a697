// Package runner is harness/ without the test framework's import: production code,
// where GL008 keeps net/http's contract.
package runner

import (
	"bytes"
	"io"
	"net/http"
)

// Members reads the whole answer but never closes it: a note.
func Members(addr string) ([]byte, error) {
	resp, err := http.Get("http://" + addr + "/members") // want GL008 "`resp.Body` from http.Get is read until EOF or an error but never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Announce drops the answer: its body can never be closed.
func Announce(addr string, state []byte) {
	http.Post("http://"+addr+"/state", "application/json", bytes.NewReader(state)) // want GL008 "response from http.Post dropped"
}
