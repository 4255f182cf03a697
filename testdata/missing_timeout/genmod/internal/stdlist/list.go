//go:generate go run gen.go > list_gen.go

package stdlist

import (
	"io"
	"net/http"
)

// Fetch downloads the list; only the generator below calls it, run by a developer.
func Fetch(url string) ([]byte, error) {
	resp, err := http.Get(url) // want GL006:low "http.Get uses http.DefaultClient"
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Refresh is what the program calls: it keeps firing.
func Refresh(url string) ([]byte, error) {
	resp, err := http.Get(url) // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
