// Package callerctx sends through clients whose requests a caller's deadline bounds,
// one call up.
package callerctx

import (
	"context"
	"net/http"
	"time"

	"example.com/ctxdo"
)

// FetchTimeout bounds a whole fetch, retries included.
var FetchTimeout = 5 * time.Minute

var assetClient = &http.Client{
	Transport: &http.Transport{Proxy: http.ProxyFromEnvironment},
}

func fetchWithRetry(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, FetchTimeout)
	defer cancel()
	return retry(func() error {
		_, err := fetch(ctx, url)
		return err
	})
}

func fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return ctxdo.Do(ctx, assetClient, req)
}

func retry(f func() error) error {
	for i := 0; i < 3; i++ {
		if err := f(); err == nil {
			return nil
		}
	}
	return nil
}

// pushClient is handed on beside a context that one caller bounds and the other
// does not.
var pushClient = &http.Client{} // want GL006 "http.Client without Timeout"

func push(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	return ctxdo.Do(ctx, pushClient, req)
}

func PushNow(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err := push(ctx, url)
	return err
}

func PushLater(ctx context.Context, url string) error {
	_, err := push(ctx, url)
	return err
}

// Prober sends each probe with a request its caller made with a deadline context.
type Prober struct {
	client  *http.Client
	timeout time.Duration
}

func (p *Prober) Init() {
	p.client = &http.Client{}
}

func (p *Prober) Probe(addr string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), p.timeout)
	defer cancel()
	req, err := p.newRequest(ctx, addr)
	if err != nil {
		return false
	}
	return p.send(req)
}

func (p *Prober) newRequest(ctx context.Context, addr string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/health", nil)
	if err != nil {
		return nil, err
	}
	return req, nil
}

func (p *Prober) send(req *http.Request) bool {
	resp, err := p.client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode < 500
}

// Checker's send is also handed a request made without a context.
type Checker struct {
	client *http.Client
}

func (c *Checker) Init() {
	c.client = &http.Client{} // want GL006 "http.Client without Timeout"
}

func (c *Checker) Check(ctx context.Context, addr string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return false
	}
	return c.send(req)
}

func (c *Checker) CheckNow(addr string) bool {
	req, err := http.NewRequest(http.MethodGet, addr, nil)
	if err != nil {
		return false
	}
	return c.send(req)
}

func (c *Checker) send(req *http.Request) bool {
	resp, err := c.client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode < 500
}

// Sender's exported Send is handed requests by callers the package does not show.
type Sender struct {
	client *http.Client
}

func NewSender() *Sender {
	return &Sender{client: &http.Client{}} // want GL006 "http.Client without Timeout"
}

func (s *Sender) Send(req *http.Request) (*http.Response, error) {
	return s.client.Do(req)
}
