package fixtures

import (
	"context"
	"errors"
	"net/http"
	"time"
)

type sender interface {
	Send(ctx context.Context, method, path string) (*http.Response, error)
}

// The helper makes its request with the context it is given, which the deferred
// cancel ends on return: the open body's connection is dropped, not held.
func pingCancelled(ctx context.Context, s sender) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	resp, err := s.Send(ctx, http.MethodGet, "/status") // want GL008:low "request is cancelled"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("bad status")
	}
	return resp.Body.Close()
}

// Nothing cancels the caller's context here: the bad status leaves the body open.
func pingOpen(ctx context.Context, s sender) error {
	resp, err := s.Send(ctx, http.MethodGet, "/status") // want GL008 "not when the function returns at line 36"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("bad status")
	}
	return resp.Body.Close()
}
