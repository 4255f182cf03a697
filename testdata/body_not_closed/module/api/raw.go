package api

import (
	"context"
	"net/http"
)

// RawClient is the low-level client a generator writes: its methods bear the names of
// Client's, with other parameters, so a call of one is not a call of Client's.
type RawClient interface {
	Version(ctx context.Context, editors ...func(*http.Request) error) (*http.Response, error)
}

type rawClient struct {
	http *http.Client
	base string
}

func (r *rawClient) Version(ctx context.Context, editors ...func(*http.Request) error) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.base+"/version", nil)
	if err != nil {
		return nil, err
	}
	for _, edit := range editors {
		if err := edit(req); err != nil {
			return nil, err
		}
	}
	return r.http.Do(req)
}
