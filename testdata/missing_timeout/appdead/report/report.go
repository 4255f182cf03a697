// Package report is an application's (its module has a command under cmd): users
// outside the module do not call it.
package report

import "net/http"

// Daily runs in the command's loop.
func Daily(url string) error {
	resp, err := http.Get(url) // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Weekly is called by no file of the module, whose package no user outside imports:
// the request waits forever only once a change calls it (low).
func Weekly(url string) error {
	resp, err := http.Get(url) // want GL006:low "http.Get uses http.DefaultClient"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
