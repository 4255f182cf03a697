package fixtures

import (
	"net/http"

	"github.com/example/dnsapi"
)

// recordClient is what the code below uses; its implementation in this file hands back
// what the SDK returns, which says nothing of an open body.
type recordClient interface {
	DeleteRecord(id string) (*http.Response, error)
}

// Another module's API client reads and closes the body itself and hands the response
// back for its status.
type sdkRecords struct{ api *dnsapi.Client }

func (s sdkRecords) DeleteRecord(id string) (*http.Response, error) {
	return s.api.Records.Delete(id)
}

type recordSyncer struct{ client recordClient }

func (r *recordSyncer) remove(id string) error {
	_, err := r.client.DeleteRecord(id)
	return err
}

// An interface whose implementation here makes the request itself: its body is open.
type pageFetcher interface {
	FetchPage(u string) (*http.Response, error)
}

type httpPages struct{ httpClient *http.Client }

func (p httpPages) FetchPage(u string) (*http.Response, error) {
	return p.httpClient.Get(u)
}

type crawler struct{ pages pageFetcher }

func (c *crawler) touch(u string) error {
	_, err := c.pages.FetchPage(u) // want GL008 "can never be closed"
	return err
}

// An interface with no implementation in sight: its type says the caller closes the body.
type remoteAPI interface {
	Call(path string) (*http.Response, error)
}

type caller struct{ api remoteAPI }

func (c *caller) ping() error {
	_, err := c.api.Call("/ping") // want GL008 "can never be closed"
	return err
}

// A middleware that hands on what the next one gives says nothing either way: the type
// decides.
type roundTripper interface {
	RoundTrip(u string) (*http.Response, error)
}

type logging struct{ next roundTripper }

func (l logging) RoundTrip(u string) (*http.Response, error) {
	return l.next.RoundTrip(u)
}

type poller struct{ rt roundTripper }

func (p *poller) poll(u string) error {
	_, err := p.rt.RoundTrip(u) // want GL008 "can never be closed"
	return err
}
