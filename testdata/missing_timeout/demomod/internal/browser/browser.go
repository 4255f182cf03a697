// Package browser opens the user's web browser.
package browser

import "os/exec"

// Open opens url in the user's browser.
func Open(url string) bool {
	return exec.Command("xdg-open", url).Start() == nil
}
