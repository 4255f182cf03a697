package zeroclient

import (
	"context"
	"net/http"
	"net/url"
)

// A literal that leaves an unexported http.Client field out keeps the zero client:
// every request the package sends through it has no Timeout.
type lookupAPI struct {
	hc   http.Client
	base *url.URL
}

func newLookupAPI(base *url.URL) *lookupAPI {
	return &lookupAPI{base: base} // want GL006 "^`lookupAPI{...}` leaves `hc` the zero http.Client, which has no Timeout"
}

func (a *lookupAPI) fetch(path string) (*http.Response, error) {
	u := *a.base
	u.Path = path
	return a.hc.Get(u.String())
}

// Given a client with a Timeout in the literal: silent.
type statusAPI struct {
	hc   http.Client
	base string
}

func newStatusAPI(base string) *statusAPI {
	return &statusAPI{base: base, hc: http.Client{Timeout: timeout}}
}

func (a *statusAPI) ping() (*http.Response, error) {
	return a.hc.Head(a.base)
}

// Its Timeout set after the literal, in another file of the package (setup.go): silent.
type pushAPI struct {
	hc   http.Client
	base string
}

func newPushAPI(base string) *pushAPI {
	p := &pushAPI{base: base}
	p.configure()
	return p
}

func (p *pushAPI) push() (*http.Response, error) {
	return p.hc.Post(p.base, "text/plain", nil)
}

// Handed to a function that may set it up: silent.
type feedAPI struct {
	hc  http.Client
	url string
}

func newFeedAPI(u string) *feedAPI {
	f := &feedAPI{url: u}
	tune(&f.hc)
	return f
}

func (f *feedAPI) read() (*http.Response, error) {
	return f.hc.Get(f.url)
}

// Every request carries a context the caller bounds: silent.
type queryAPI struct {
	hc  http.Client
	url string
}

func newQueryAPI(u string) *queryAPI {
	return &queryAPI{url: u}
}

func (q *queryAPI) query(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, q.url, nil)
	if err != nil {
		return nil, err
	}
	return q.hc.Do(req)
}

// An exported field is the user's to set: silent.
type Uploader struct {
	Client http.Client
	URL    string
}

func NewUploader(u string) *Uploader {
	return &Uploader{URL: u}
}

func (up *Uploader) Upload() (*http.Response, error) {
	return up.Client.Post(up.URL, "application/octet-stream", nil)
}

// No request of the file goes through the field: silent.
type idleAPI struct {
	spare http.Client
	url   string
}

func newIdleAPI(u string) *idleAPI {
	return &idleAPI{url: u}
}

type fetcher interface {
	fetch(path string) (*http.Response, error)
}

// A literal assigned to `_` only checks that the type implements an interface: silent.
var _ fetcher = &lookupAPI{}
