package fixtures

import (
	"io"
	"net/http"
	"time"
)

var hookClient = &http.Client{Timeout: 10 * time.Second}

// The switch's own err is the hook's, not the request's: when a hook fails, the
// function returns with the response open.
func fetchHooked(u string, hooks []func() error) ([]byte, error) {
	resp, err := hookClient.Get(u) // want GL008 "`resp.Body` from hookClient.Get is closed on the happy path but not when the loop returns at line 21"
	if err != nil {
		return nil, err
	}
	for _, hook := range hooks {
		switch err := hook(); {
		case err != nil:
			return nil, err
		}
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Here the switch tests the request's err: where it holds, resp is nil.
func fetchSwitched(u string) ([]byte, error) {
	resp, err := hookClient.Get(u)
	switch {
	case err != nil:
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
