package fetch

import (
	"io"
	"net/http"
)

// Image is called by no file of the module, and an internal package has no other
// users: the request waits forever only once a change calls it (low).
func Image(url string) ([]byte, error) {
	resp, err := http.Get(url) // want GL006:low "http.Get uses http.DefaultClient"
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// Page is called by the server for each request.
func Page(url string) ([]byte, error) {
	resp, err := http.Get(url) // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}
