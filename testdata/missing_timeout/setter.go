package fixtures

import (
	"context"
	"net/http"
	"time"
)

// Doer is what a Pusher needs of a client.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Pusher's default client is replaceable: Client sets the caller's own, and
// PushContext takes a deadline. A Timeout in the default would override neither.
type Pusher struct {
	url    string
	client Doer
}

func NewPusher(url string) *Pusher {
	return &Pusher{url: url, client: &http.Client{}}
}

func (p *Pusher) Client(c Doer) *Pusher {
	p.client = c
	return p
}

func (p *Pusher) PushContext(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, p.url, nil)
	if err != nil {
		return err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *Pusher) Delete() error {
	req, err := http.NewRequest(http.MethodDelete, p.url, nil)
	if err != nil {
		return err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A functional option sets it too.
type fetcher struct{ hc *http.Client }

type FetchOption func(*fetcher)

func WithHTTPClient(c *http.Client) FetchOption {
	return func(f *fetcher) { f.hc = c }
}

func newFetcher(opts ...FetchOption) *fetcher {
	f := &fetcher{}
	f.hc = &http.Client{}
	for _, o := range opts {
		o(f)
	}
	return f
}

// No caller can replace this one: the field is set only from a value of its own.
// (Pusher's setter sets a field of the same name of another type.)
type reporter struct {
	url    string
	client *http.Client
}

func newReporter(url string) *reporter {
	return &reporter{url: url, client: &http.Client{}} // want GL006 "http.Client without Timeout"
}

func (r *reporter) reset() {
	fresh := &http.Client{} // want GL006 "http.Client without Timeout"
	r.client = fresh
}

func (r *reporter) send() error {
	resp, err := r.client.Get(r.url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The owner sets its client's Timeout: the caller who wants a bound calls SetTimeout.
type Store struct {
	base   string
	client *http.Client
	retry  *http.Client
}

func NewStore(base string) *Store {
	client := &http.Client{}
	retry := &http.Client{} // want GL006 "http.Client without Timeout"
	return &Store{base: base, client: client, retry: retry}
}

func (s *Store) SetTimeout(d time.Duration) {
	s.client.Timeout = d
}

func (s *Store) Get(name string) error {
	resp, err := s.client.Get(s.base + name)
	if err != nil {
		resp, err = s.retry.Get(s.base + name)
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Another type's client of the same field name is not this one.
type mirror struct {
	client *http.Client
}

func newMirror() *mirror {
	return &mirror{client: &http.Client{}} // want GL006 "http.Client without Timeout"
}

func (m *mirror) fetch(url string) error {
	resp, err := m.client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
