package fieldctx

import (
	"context"
	"net/http"
)

func (t Tracker) Announce(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.base+"/announce", nil)
	if err != nil {
		return nil, err
	}
	return t.hc.Do(req)
}

func (t Tracker) Scrape(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.base+"/scrape", nil)
	if err != nil {
		return nil, err
	}
	return t.hc.Do(req)
}

func (m *Mirror) Fetch(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.base+"/index", nil)
	if err != nil {
		return nil, err
	}
	return m.hc.Do(req)
}

func (m *Mirror) Ping() (*http.Response, error) {
	return m.hc.Get(m.base + "/ping")
}
