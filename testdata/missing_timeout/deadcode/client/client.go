// Package client is a library's (its module has no command): its users, whom the
// module does not show, call Fetch.
package client

import "net/http"

func Fetch(url string) error {
	resp, err := http.Get(url) // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
