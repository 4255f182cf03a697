package pkgconfigured

import "net/http"

// Package-level clients and servers configured field by field in another file's
// functions (start.go): their Timeout is set there, so the message could not say they
// have none.
var proxied = new(http.Client)
var api = &http.Server{Addr: ":8443"}

// No function of the package sets this one's Timeout: start.go sets a local of the same
// name, and another variable's field named Timeout.
var bare = new(http.Client) // want GL006 "http.Client without Timeout"

// Its Timeout only read, never assigned.
var peeked = &http.Client{} // want GL006 "http.Client without Timeout"

func fetch(u string) (*http.Response, error) {
	if peeked.Timeout == 0 {
		return bare.Get(u)
	}
	return peeked.Get(u)
}
