// Package client2 is not internal: outsiders may import it, though only the module's
// test folder does here (shown).
package client2

import "net/http"

func Status(url string) (*http.Response, error) {
	return http.Get(url) // want GL006 "http.Get uses http.DefaultClient"
}
