package fixtures

import (
	"crypto/tls"
	"net/http"
	"time"

	"example.com/store"
)

// A transport built on every call of a library function or method, used and dropped:
// each call leaves its own idle connections behind.

type fetcher struct {
	agent string
}

func (f *fetcher) fetch(url string) (*http.Response, error) {
	base, ok := http.DefaultTransport.(*http.Transport)
	var rt http.RoundTripper = http.DefaultTransport
	if ok {
		rt = base.Clone() // want GL005:low "`base.Clone\(\)` makes a new connection pool on every call of `fetcher.fetch` and never closes it"
	}
	client := &http.Client{Timeout: time.Minute, Transport: rt}
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.agent)
	return client.Do(req)
}

func download(url string, insecure bool) (*http.Response, error) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure}} // want GL005:low "on every call of `download`"
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	return client.Get(url)
}

// The clone goes into a field of a local built by a package's New function: both die
// with the call.
func pullFrom(url string) error {
	remote, err := store.NewRemote(url)
	if err != nil {
		return err
	}
	tr := http.DefaultTransport.(*http.Transport).Clone() // want GL005:low "every call of `pullFrom`"
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	remote.Client = &http.Client{Transport: tr, Timeout: time.Minute}
	return remote.Pull()
}

type mirror struct {
	client *http.Client
}

// The same with a local literal.
func pullInto(url string) error {
	m := &mirror{}
	m.client = &http.Client{Transport: &http.Transport{}, Timeout: time.Minute} // want GL005:low "every call of `pullInto`"
	_, err := m.client.Get(url)
	return err
}

// A value receiver is a copy: storing the transport in its field caches nothing.
type call struct {
	transport *http.Transport
	URL       string
}

func (c call) Send() (*http.Response, error) {
	if c.transport == nil {
		c.transport = &http.Transport{MaxIdleConnsPerHost: 2} // want GL005:low "`c` is a copy: `c.transport` keeps nothing"
	}
	client := &http.Client{Transport: c.transport, Timeout: time.Minute}
	return client.Get(c.URL)
}

// Kept: returned, stored through a pointer receiver, or in a package variable.

func newClient() *http.Client {
	tr := &http.Transport{MaxIdleConns: 10}
	return &http.Client{Transport: tr, Timeout: time.Minute}
}

type api struct {
	client *http.Client
}

func (a *api) configure() {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	a.client = &http.Client{Transport: tr, Timeout: time.Minute}
}

var shared *http.Transport

func setUp() {
	shared = &http.Transport{MaxIdleConns: 10}
}

// A value receiver handed on whole keeps what its field holds.
func (c call) withTransport() call {
	c.transport = &http.Transport{}
	return c
}

// Closed, or without keep-alives: no idle connection is left behind.
func probe(url string) error {
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: time.Second}
	_, err := client.Head(url)
	return err
}

func ping(url string) error {
	tr := &http.Transport{DisableKeepAlives: true}
	client := &http.Client{Transport: tr, Timeout: time.Second}
	_, err := client.Head(url)
	return err
}

func pingClone(url string) error {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = true
	client := &http.Client{Transport: tr, Timeout: time.Second}
	_, err := client.Head(url)
	return err
}

// One call uses the transport for many requests: a batch or a poller.
func crawl(urls []string) {
	tr := &http.Transport{MaxIdleConnsPerHost: 4}
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	for _, u := range urls {
		if resp, err := client.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

// Captured by the handler it returns: built once per handler, not per call of it.
func proxyTo(url string) http.HandlerFunc {
	tr := &http.Transport{MaxIdleConnsPerHost: 5}
	return func(w http.ResponseWriter, r *http.Request) {
		client := &http.Client{Transport: tr, Timeout: time.Minute}
		if resp, err := client.Get(url); err == nil {
			resp.Body.Close()
		}
	}
}

// Handed to a goroutine that polls with it.
func watch(url string) {
	tr := &http.Transport{}
	go func() {
		client := &http.Client{Transport: tr, Timeout: time.Minute}
		for {
			if resp, err := client.Get(url); err == nil {
				resp.Body.Close()
			}
			time.Sleep(time.Minute)
		}
	}()
}

// A function literal: how often it runs is not visible.
var onDemand = func(url string) {
	tr := &http.Transport{}
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	if resp, err := client.Get(url); err == nil {
		resp.Body.Close()
	}
}

type settings struct {
	client *http.Client
}

func (s *settings) WithHTTPClient(c *http.Client) *settings {
	s.client = c
	return s
}

func newSettings() *settings { return &settings{} }

// Handed to a setter of another value, which the function returns: kept there.
func configured(insecure bool) *settings {
	cfg := newSettings()
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure}}
	cfg.WithHTTPClient(&http.Client{Transport: tr, Timeout: time.Minute})
	return cfg
}

type schemes struct{ inner *http.Transport }

func (s *schemes) RoundTrip(req *http.Request) (*http.Response, error) { return s.inner.RoundTrip(req) }

// Registered on a transport that the function returns.
func withUnix() *http.Transport {
	t := &http.Transport{}
	u := &http.Transport{DisableCompression: true}
	t.RegisterProtocol("unix", &schemes{u})
	return t
}

type doer struct {
	do func(*http.Request) (*http.Response, error)
}

// A method value of the client, kept by what the function returns, keeps the client.
func newDoer() *doer {
	tr := &http.Transport{MaxIdleConns: 10}
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	return &doer{do: client.Do}
}

var registered []*http.Transport

func register(t *http.Transport) { registered = append(registered, t) }

// Handed to a function of the package that keeps it.
func registerNew() {
	tr := &http.Transport{MaxIdleConns: 10}
	register(tr)
}

type prober struct{ transport http.RoundTripper }

// Copied to a variable that the function closes: the clone's idle connections go.
func (p *prober) measure(url string) error {
	txp := p.transport
	if txp == nil {
		ht := http.DefaultTransport.(*http.Transport).Clone()
		ht.DisableCompression = true
		txp = ht
	}
	defer txp.(*http.Transport).CloseIdleConnections()
	_, err := (&http.Client{Transport: txp}).Get(url)
	return err
}

// A close of what the variable held before the copy closes nothing of the clone.
func (p *prober) measureLate(url string) error {
	txp := p.transport.(*http.Transport)
	txp.CloseIdleConnections()
	ht := http.DefaultTransport.(*http.Transport).Clone() // want GL005:low "never closes it"
	txp = ht
	_, err := (&http.Client{Transport: txp}).Get(url)
	return err
}

type closingTransport interface {
	RoundTrip(*http.Request) (*http.Response, error)
	CloseIdleConnections()
}

func measureWith(txp closingTransport, url string) error {
	if txp == nil {
		txp = http.DefaultTransport.(*http.Transport).Clone()
	}
	defer txp.CloseIdleConnections()
	_, err := (&http.Client{Transport: txp}).Get(url)
	return err
}

type tsdb struct {
	custom *http.Transport
	client *http.Client
}

// Copied to the local that the stored client takes: kept by the value.
func (c *tsdb) initialize() {
	var defaultTransport = &http.Transport{MaxIdleConnsPerHost: 10}
	transport := c.custom
	if transport == nil {
		transport = defaultTransport
	}
	c.client = &http.Client{Transport: transport}
}

// Copied to a local that is only used for one request: dropped.
func (c *tsdb) probe(url string) error {
	var defaultTransport = &http.Transport{MaxIdleConnsPerHost: 10} // want GL005:low "on every call of `tsdb.probe`"
	transport := c.custom
	if transport == nil {
		transport = defaultTransport
	}
	_, err := (&http.Client{Transport: transport}).Get(url)
	return err
}
