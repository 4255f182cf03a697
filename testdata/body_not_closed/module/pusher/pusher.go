// Package pusher posts to a server that may still be starting.
package pusher

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"example.com/fleet/netclass"
)

// startingUp holds only for an error: netclass.Of is nil for no error.
func startingUp(err error) bool {
	f := netclass.Of(err)
	return f != nil && f.Transient()
}

// A try that failed to connect has no response: waiting and trying again leaves
// nothing open.
func PushUntilUp(ctx context.Context, c *http.Client, url string, tries int) error {
	var err error
	for i := 0; i < tries; i++ {
		var resp *http.Response
		resp, err = c.Post(url, "text/plain", strings.NewReader("x"))
		if err == nil && resp.StatusCode < 300 {
			resp.Body.Close()
			return nil
		}
		if startingUp(err) && i < tries-1 {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			time.Sleep(time.Second)
			continue
		}
		if err == nil {
			resp.Body.Close()
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		return err
	}
	return err
}

// The same test written out in the loop.
func PushOnce(ctx context.Context, c *http.Client, url string) (int, error) {
	for {
		resp, err := c.Post(url, "text/plain", strings.NewReader("x"))
		if err == nil && resp.StatusCode < 300 {
			resp.Body.Close()
			return resp.StatusCode, nil
		}
		f := netclass.Of(err)
		if f != nil && f.Transient() {
			if ctx.Err() != nil {
				return 0, ctx.Err()
			}
			time.Sleep(time.Second)
			continue
		}
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, fmt.Errorf("status %d", resp.StatusCode)
	}
}

// Describe gives a value for no error too: a refused status leaves its body open
// when the loop goes round.
func PushDescribed(ctx context.Context, c *http.Client, url string) (int, error) {
	for {
		resp, err := c.Post(url, "text/plain", strings.NewReader("x")) // want GL008 "not when the loop continues at line 83"
		if err == nil && resp.StatusCode < 300 {
			resp.Body.Close()
			return resp.StatusCode, nil
		}
		f := netclass.Describe(err)
		if f != nil && f.Transient() || err == nil && resp.StatusCode == http.StatusServiceUnavailable {
			time.Sleep(time.Second)
			continue
		}
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, fmt.Errorf("status %d", resp.StatusCode)
	}
}
