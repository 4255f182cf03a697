// Package ctl follows watches opened by package watch, in a GOPATH checkout (no go.mod).
package ctl

import (
	"errors"
	"io"
	"net/http"

	"example.com/team/op/watch"
)

func follow(c *http.Client, url string) error {
	resp, err := watch.Open(c, url) // want GL008
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func followClosed(c *http.Client, url string) error {
	resp, err := watch.Open(c, url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func followStream(c *http.Client, url string) error {
	s, err := watch.OpenStream(c, url)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, s.Body)
	return err
}
