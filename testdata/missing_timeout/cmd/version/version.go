// Package version is the `tool version --check` subcommand: it asks for the latest
// release once and exits. Its user sees a stall and interrupts it.
package version

import (
	"io"
	"net/http"
)

// Latest returns the newest release name.
func Latest(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
