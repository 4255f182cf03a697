// Package harvest hands its client to a metrics library's configuration.
package harvest

import (
	"net/http"
	"net/url"
	"time"
)

// The library's configuration: it bounds each request it makes with RequestTimeout.
type Config struct {
	Client         *http.Client
	RequestTimeout time.Duration
	DialTimeout    time.Duration
}

func NewSender(options ...func(*Config)) {}

// The client goes to the configuration together with a request timeout: every request
// the library makes with it is bounded.
type Output struct {
	Timeout time.Duration
	Proxy   string
	client  http.Client
}

func (o *Output) Connect() error {
	if err := o.initClient(); err != nil {
		return err
	}
	NewSender(func(cfg *Config) {
		cfg.RequestTimeout = o.Timeout
		cfg.Client = &o.client
	})
	return nil
}

func (o *Output) Close() error {
	o.client.CloseIdleConnections()
	return nil
}

func (o *Output) initClient() error {
	if o.Proxy == "" {
		o.client = http.Client{}
		return nil
	}
	u, err := url.Parse(o.Proxy)
	if err != nil {
		return err
	}
	o.client = http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(u), ResponseHeaderTimeout: time.Minute}}
	return nil
}

// Handed with a keyed literal that sets the timeout beside it.
type Keyed struct {
	client *http.Client
}

func NewKeyed(d time.Duration) *Keyed {
	k := &Keyed{client: &http.Client{}}
	_ = Config{Client: k.client, RequestTimeout: d}
	return k
}

// Only a dial timeout beside it: a server that accepts and never answers still holds
// each request.
type Dialing struct {
	client *http.Client
}

func NewDialing(d time.Duration) *Dialing {
	g := &Dialing{client: &http.Client{}} // want GL006 "http.Client without Timeout"
	_ = Config{Client: g.client, DialTimeout: d}
	return g
}

// The field is also used for requests of the package's own: those have no bound.
type Mixed struct {
	client *http.Client
}

func NewMixed(d time.Duration) *Mixed {
	m := &Mixed{client: &http.Client{}} // want GL006 "http.Client without Timeout"
	_ = Config{Client: m.client, RequestTimeout: d}
	return m
}

func (m *Mixed) Ping(u string) error {
	resp, err := m.client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Handed to a configuration that gets no timeout.
type Bare struct {
	client http.Client
}

func (b *Bare) Connect() {
	b.client = http.Client{} // want GL006 "http.Client without Timeout"
	NewSender(func(cfg *Config) {
		cfg.Client = &b.client
	})
}
