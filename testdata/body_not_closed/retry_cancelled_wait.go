package fixtures

import (
	"context"
	"io"
	"net/http"
	"time"
)

// The loop leaves at once when Do succeeds, so the wait that can end it on a done
// context runs only after a failed Do, which left no response: the error it stores
// there does not make the later `err != nil` return one with an open body.
func postRetrying(ctx context.Context, client *http.Client, build func() (*http.Request, error), tries int) ([]byte, error) {
	var (
		resp *http.Response
		err  error
	)
retry:
	for i := 0; i < tries; i++ {
		var req *http.Request
		req, err = build()
		if err != nil {
			return nil, err
		}
		resp, err = client.Do(req)
		// stop on success or on the last try
		if err == nil || i == tries-1 {
			break
		}
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			err = ctx.Err()
			break retry
		}
	}
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return data, err
}

// Here the loop goes on past a successful Do with a bad status: the response of that
// try is open when the done context replaces the error and the function returns.
func postUntilOK(ctx context.Context, client *http.Client, build func() (*http.Request, error), tries int) ([]byte, error) {
	var (
		resp *http.Response
		err  error
	)
retry:
	for i := 0; i < tries; i++ {
		var req *http.Request
		req, err = build()
		if err != nil {
			return nil, err
		}
		resp, err = client.Do(req) // want GL008
		if err == nil && resp.StatusCode == http.StatusOK {
			break
		}
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			err = ctx.Err()
			break retry
		}
	}
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return data, err
}
