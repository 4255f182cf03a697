// Package testkit helps tests: its helpers take the test's handle, a TestingT.
package testkit

import (
	"net"
	"net/http"

	"example.com/kit/testing"
)

// StartFake serves a fake endpoint for the calling test until it closes the listener.
func StartFake(t testing.TestingT, handler http.Handler) net.Listener {
	listener, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = http.Serve(listener, handler) }()
	return listener
}

// Fetch reads a URL for the calling test.
func Fetch(t testing.TestingT, url string) *http.Response {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// Serve takes no test handle: a program may call it.
func Serve(addr string, handler http.Handler) error {
	return http.ListenAndServe(addr, handler) // want GL006
}
