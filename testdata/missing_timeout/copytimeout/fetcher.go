package copytimeout

import (
	"context"
	"net/http"
	"time"
)

// Fetcher keeps a base client that every request copies and bounds.
type Fetcher struct {
	base *http.Client
}

// NewFetcher: the base client has no Timeout, but each use copies it and sets one.
func NewFetcher() *Fetcher {
	return &Fetcher{base: &http.Client{}}
}

func (f *Fetcher) client(d time.Duration) *http.Client {
	c := *f.base
	c.Timeout = d
	return &c
}

func (f *Fetcher) Fetch(ctx context.Context, url string) (*http.Response, error) {
	return f.client(30 * time.Second).Get(url)
}

// Loader copies its base client too, but also sends through it directly.
type Loader struct {
	base *http.Client
}

func NewLoader() *Loader {
	return &Loader{base: &http.Client{}} // want GL006
}

func (l *Loader) bounded(d time.Duration) *http.Client {
	c := *l.base
	c.Timeout = d
	return &c
}

func (l *Loader) Load(url string) (*http.Response, error) {
	return l.base.Get(url)
}

// Copier copies its base client but never sets a Timeout on the copy.
type Copier struct {
	base *http.Client
}

func NewCopier() *Copier {
	return &Copier{base: &http.Client{}} // want GL006
}

func (c *Copier) Get(url string) (*http.Response, error) {
	cl := *c.base
	return cl.Get(url)
}
