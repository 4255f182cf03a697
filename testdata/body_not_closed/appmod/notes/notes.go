// Package notes fetches release notes.
package notes

import (
	"errors"
	"io"
	"net/http"
)

// Added fetches the notes of each version the user named; the command's runner,
// which main runs once, is its only caller: a few responses per run of the process
// at most. Low.
func Added(versions ...string) []string {
	var all []string
	for _, v := range versions {
		text, err := fetch("https://example.com/notes/" + v)
		if err != nil {
			continue
		}
		all = append(all, text)
	}
	return all
}

func fetch(url string) (string, error) {
	resp, err := http.Get(url) // want GL008:low
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", errors.New(resp.Status)
	}
	data, err := io.ReadAll(resp.Body)
	return string(data), err
}

// Latest runs in the runner's endless loop: each failed poll leaves a connection
// behind. Reported.
func Latest() error {
	resp, err := http.Get("https://example.com/notes/latest") // want GL008
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Probe is called by no file of the module: no call shows it running once, so the
// response its helper leaves open is reported.
func Probe(url string) error {
	return probe(url)
}

func probe(url string) error {
	resp, err := http.Get(url) // want GL008
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}
