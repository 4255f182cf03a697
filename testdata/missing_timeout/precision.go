package fixtures

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"time"
)

// Reduced from a crash reporter: the client has no Timeout, but its only request is
// made with a context that has a deadline.
func sendReport(ctx context.Context, url string, body []byte) error {
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Reduced from a daemon client: the client sits in a field and every request through
// that field is given the caller's context (which the caller bounds).
type daemonClient struct {
	doer *http.Client
}

func newDaemonClient() *daemonClient {
	return &daemonClient{doer: &http.Client{}}
}

func (c *daemonClient) raw(ctx context.Context, req *http.Request) (*http.Response, error) {
	if ctx != nil {
		req = req.WithContext(ctx)
	}
	return c.doer.Do(req)
}

// Reduced from a relay lookup: its one request sets the older Cancel channel from the
// caller's context.
func lookupRelays(ctx context.Context, url string) error {
	lookup := &http.Client{}
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Cancel = ctx.Done()
	resp, err := lookup.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// One request through the field carries a context, the other does not: still reported.
type metadataClient struct {
	hc *http.Client
}

var defaultMetadata = &metadataClient{hc: &http.Client{}} // want GL006 "http.Client without Timeout"

func (c *metadataClient) get(ctx context.Context, req *http.Request) (*http.Response, error) {
	return c.hc.Do(req.WithContext(ctx))
}

func (c *metadataClient) etag(req *http.Request) (*http.Response, error) {
	return c.hc.Do(req)
}

// A library's exported Dial has net.Dial's own contract: the caller picks the deadline.
type Conn struct{ net.Conn }

func Dial(network, address string) (*Conn, error) {
	c, err := net.Dial(network, address)
	if err != nil {
		return nil, err
	}
	return &Conn{c}, nil
}

type direct struct{}

func (direct) Dial(network, address string) (net.Conn, error) {
	return net.Dial(network, address)
}

// A DialContext that drops its context is reported.
func DialContext(ctx context.Context, address string) (*Conn, error) {
	c, err := net.Dial("tcp", address) // want GL006 "^net.Dial ignores ctx, so an unreachable host blocks the caller until the OS gives up \(about two minutes on Linux\); use a net.Dialer's DialContext\(ctx, ...\)$"
	if err != nil {
		return nil, err
	}
	return &Conn{c}, nil
}

// Reduced from an SDK pipeline: the client is returned by a factory, kept in a package
// variable, and every request through it carries the caller's context.
var pipelineClient = newPipelineClient()

func newPipelineClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 100}}
}

func send(ctx context.Context, req *http.Request) (*http.Response, error) {
	return pipelineClient.Do(req.WithContext(ctx))
}

// A factory whose client is also used without a context is reported.
var plainClient = newPlainClient()

func newPlainClient() *http.Client {
	return &http.Client{} // want GL006 "http.Client without Timeout"
}

func fetchPlain(url string) (*http.Response, error) {
	return plainClient.Get(url)
}

// A debug endpoint on the loopback interface: only local processes can reach it.
func debugServer() {
	go http.ListenAndServe("localhost:6060", nil)
	go http.ListenAndServe("127.0.0.1:6061", nil)
	srv := &http.Server{Addr: "[::1]:6062"}
	go srv.ListenAndServe()
	public := &http.Server{Addr: "0.0.0.0:6063"} // want GL006 "http.Server without ReadHeaderTimeout"
	go public.ListenAndServe()
	go http.ListenAndServe(":6064", nil) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

// The network comes from configuration: it is as often a unix socket (statsd, syslog, a
// daemon's debug socket), which connects at once.
type socketWriter struct {
	network, address string
}

func (w *socketWriter) connect() (net.Conn, error) {
	return net.Dial(w.network, w.address)
}

func localSyslog() (net.Conn, error) {
	for _, network := range []string{"unixgram", "unix"} {
		if c, err := net.Dial(network, "/dev/log"); err == nil {
			return c, nil
		}
	}
	network := "tcp4"
	return net.Dial(network, "syslog.internal:514") // want GL006:low "net.Dial has no timeout"
}
