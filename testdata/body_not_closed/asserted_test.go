package bodies

import (
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// waitForReady polls through a helper: `!assert.NoError(c, err)` holds only where the
// request failed, so its return leaves no response behind.
func waitForReady(t *testing.T, url string) {
	assert.Eventually(t, func() bool {
		resp, err := http.Get(url)
		if !assert.NoError(t, err) {
			return false
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return assert.NoError(t, err) && string(b) == "ok"
	}, 0, 0)
}

// waitForStatus returns on a bad status before its defer: that return leaks, the one
// after the failed request does not.
func waitForStatus(t *testing.T, url string) {
	assert.Eventually(t, func() bool {
		resp, err := http.Get(url) // want GL008:low "but not when the function returns at line 34:"
		if !assert.NoError(t, err) {
			return false
		}
		if resp.StatusCode != http.StatusOK {
			return false
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return err == nil && string(b) == "ok"
	}, 0, 0)
}

// waitForError reads testify's Error check the other way round.
func waitForError(t *testing.T, url string) {
	assert.Eventually(t, func() bool {
		resp, err := http.Get(url)
		if assert.Error(t, err) {
			return false
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err == nil
	}, 0, 0)
}
