package fixtures

import (
	"fmt"
	"io"
	"net/http"
)

// `if (err != nil) != wantErr { return }` followed by `if wantErr { return }`: past
// the first check wantErr holds only where the request failed, so the second return
// has no body to close. The first one leaves it open where the request succeeded
// against the caller's expectation, and only that one is named.

func expectOutcome(c *http.Client, u string, wantErr bool) ([]byte, error) {
	resp, err := c.Get(u) // want GL008 "`resp.Body` from c.Get is closed on the happy path but not when the function returns at line 17:"
	if (err != nil) != wantErr {
		return nil, fmt.Errorf("got error %v, want error %v", err, wantErr)
	}
	if wantErr {
		return nil, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func expectOutcomeClosed(c *http.Client, u string, wantErr bool) ([]byte, error) {
	resp, err := c.Get(u)
	if wantErr != (err != nil) {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, fmt.Errorf("got error %v, want error %v", err, wantErr)
	}
	// the request failed, as expected, unless this runs
	if !wantErr {
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	return nil, nil
}
