package ctxhttpfix

import (
	"context"
	"errors"
	"fmt"
	"io"
)

var errStatus = errors.New("unexpected status")

func check(code int) error {
	if code/100 != 2 {
		return fmt.Errorf("status %d", code)
	}
	return nil
}

// A response from the helper of the other file, closed on no path.
func (s *service) picture(ctx context.Context) ([]byte, error) {
	resp, err := s.fetch(ctx, "/picture") // want GL008
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, check(resp.StatusCode)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// The same, closed on every path.
func (s *service) document(ctx context.Context) ([]byte, error) {
	resp, err := s.fetch(ctx, "/document")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, check(resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}
