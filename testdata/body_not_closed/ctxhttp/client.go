package ctxhttpfix

import (
	"context"
	"net/http"

	"golang.org/x/net/context/ctxhttp"
)

type service struct {
	http *http.Client
	base string
}

// fetch hands back the response of its request, still open: its callers close it.
func (s *service) fetch(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequest("GET", s.base+path, nil)
	if err != nil {
		return nil, err
	}
	return ctxhttp.Do(ctx, s.http, req)
}

func (s *service) ping(ctx context.Context) error {
	resp, err := ctxhttp.Get(ctx, s.http, s.base+"/ping") // want GL008
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errStatus
	}
	return nil
}

func (s *service) post(ctx context.Context, body []byte) error {
	resp, err := ctxhttp.Post(ctx, s.http, s.base+"/items", "application/json", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return check(resp.StatusCode)
}
