package fixtures

import (
	"context"
	"net/http"
	"time"
)

// A factory whose every caller uses the client for one request and drops it: each
// call leaves a new pool of idle connections behind.
func metadataClient() *http.Client {
	return &http.Client{
		Timeout:   3 * time.Second,
		Transport: &http.Transport{Proxy: nil}, // want GL005:low
	}
}

type probe struct{ base string }

func (p *probe) available(ctx context.Context) (bool, error) {
	cl := metadataClient()
	req, err := http.NewRequestWithContext(ctx, "GET", p.base+"/status", nil)
	if err != nil {
		return false, err
	}
	resp, err := cl.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func (p *probe) region(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", p.base+"/region", nil)
	if err != nil {
		return "", err
	}
	var resp *http.Response
	err = retry(func() error {
		var err error
		resp, err = metadataClient().Do(req)
		return err
	})
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("Region"), nil
}

// A factory whose caller keeps what it builds: one pool per service.
func serviceClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 4}}
}

type service struct{ client *http.Client }

func newService() *service {
	return &service{client: serviceClient()}
}

// Kept in a field by a method of the receiver.
func storeClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 2}}
}

func (s *service) reset() {
	s.client = storeClient()
}

// A caller that uses one client for a batch of requests.
func batchClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 8}}
}

func fetchAll(urls []string) error {
	cl := batchClient()
	for _, u := range urls {
		resp, err := cl.Get(u)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// A caller that closes the idle connections when it is done.
func closingClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 1}}
}

func once(u string) error {
	cl := closingClient()
	defer cl.CloseIdleConnections()
	resp, err := cl.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Exported, but this caller of the package drops what each call builds.
func NewClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 16}} // want GL005:low "`http.Transport\{...\}` makes a new connection pool on every call of `NewClient`; `ping` drops it unclosed"
}

// Exported, and its only caller of the package keeps what it builds.
func NewSharedClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 16}}
}

var shared = NewSharedClient()

func ping(u string) error {
	resp, err := NewClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A factory without keep-alives leaves no idle connection behind.
func oneShotClient() *http.Client {
	return &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
}

func head(u string) error {
	resp, err := oneShotClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func retry(f func() error) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// Called only from main: built once per run of the program.
func startupClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 3}}
}

func main() {
	resp, err := startupClient().Get("http://localhost/")
	if err == nil {
		resp.Body.Close()
	}
}
