//go:build mage

// A mage build target beside the server's own code: the developers' build script,
// run by hand.
package main

import (
	"io"
	"net/http"
	"os"
)

func InstallLinter() error {
	resp, err := http.Get("https://example.com/install.sh") // want GL006:low "http.Get uses http.DefaultClient"
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(os.Stdout, resp.Body)
	return err
}

// Lint runs the linter, installing it first.
func Lint() error {
	return InstallLinter()
}
