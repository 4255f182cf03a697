// Package handedctx hands its clients on with a request or a context that bounds them.
package handedctx

import (
	"context"
	"net/http"
	"time"

	"example.com/oauth"
	"example.com/trace"
	"example.com/verify"
)

// Licenser sends its one request through a tracing helper, made with a context that
// it bounds.
type Licenser struct {
	hc   *http.Client
	base string
}

func NewLicenser(base string) *Licenser {
	c := &http.Client{}
	c.Transport = trace.NewTransport(http.DefaultTransport)
	return &Licenser{hc: c, base: base}
}

func (l *Licenser) List(ctx context.Context) (*http.Response, error) {
	timeoutCtx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(timeoutCtx, http.MethodGet, l.base+"/licenses", nil)
	if err != nil {
		return nil, err
	}
	return trace.DoRequest(ctx, l.hc, req)
}

// Reporter hands its client on with requests made with its caller's context, which
// may have no deadline (a manager's context, alive until shutdown).
type Reporter struct {
	hc   *http.Client
	base string
}

func NewReporter(base string) *Reporter {
	c := &http.Client{} // want GL006 "http.Client without Timeout"
	c.Transport = trace.NewTransport(http.DefaultTransport)
	return &Reporter{hc: c, base: base}
}

func (r *Reporter) Report(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, r.base+"/nodes", nil)
	if err != nil {
		return nil, err
	}
	return trace.DoRequest(ctx, r.hc, req)
}

// TokenSource gives oauth its client in a context with a deadline.
type TokenSource struct {
	hc  *http.Client
	url string
}

func (t *TokenSource) configure() {
	t.hc = &http.Client{
		Transport: &http.Transport{DisableKeepAlives: true},
	}
}

func (t *TokenSource) Token() (string, error) {
	timeoutCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	t.configure()
	timeoutCtx = context.WithValue(timeoutCtx, oauth.HTTPClient, t.hc)
	return oauth.Fetch(timeoutCtx, t.url)
}

// OpenSource does the same without a deadline.
type OpenSource struct {
	hc  *http.Client
	url string
}

func (o *OpenSource) configure() {
	o.hc = &http.Client{} // want GL006 "http.Client without Timeout"
}

func (o *OpenSource) Token() (string, error) {
	o.configure()
	ctx := context.WithValue(context.Background(), oauth.HTTPClient, o.hc)
	return oauth.Fetch(ctx, o.url)
}

// Prober hands its client to a check that gets a context with a deadline.
type Prober struct {
	hc *http.Client
}

func NewProber() *Prober {
	return &Prober{hc: &http.Client{CheckRedirect: noRedirects}}
}

func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

func (p *Prober) Probe(target string) error {
	timeoutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return verify.Challenge(timeoutCtx, p.hc, target)
}

// Pinger also GETs through its client directly, which nothing bounds.
type Pinger struct {
	hc *http.Client
}

func (p *Pinger) configure() {
	p.hc = &http.Client{} // want GL006 "http.Client without Timeout"
}

func (p *Pinger) Ping(target string) error {
	p.configure()
	timeoutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := verify.Challenge(timeoutCtx, p.hc, target); err != nil {
		return err
	}
	resp, err := p.hc.Get(target)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
