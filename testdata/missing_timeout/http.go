package fixtures

import (
	"context"
	"io"
	"log"
	"net"
	nethttp "net/http"
	"time"
)

func fetch(url string) ([]byte, error) {
	resp, err := nethttp.Get(url) // want GL006 "nethttp.Get uses http.DefaultClient, which has no Timeout"
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func post(url string, body io.Reader) {
	nethttp.Post(url, "text/plain", body)                // want GL006 "nethttp.Post"
	nethttp.Head(url)                                    // want GL006 "nethttp.Head"
	nethttp.PostForm(url, nil)                           // want GL006 "nethttp.PostForm"
	req, _ := nethttp.NewRequest("GET", url, nil)        // not a request
	nethttp.DefaultClient.Do(req)                        // want GL006 "nethttp.DefaultClient.Do uses http.DefaultClient"
	client := &nethttp.Client{Timeout: 10 * time.Second} // bounded
	client.Do(req)
}

func clients() {
	plain := &nethttp.Client{} // want GL006 "^http.Client without Timeout .*; set Timeout, or ResponseHeaderTimeout on its Transport for long downloads$"
	_ = plain
	value := nethttp.Client{CheckRedirect: nil} // want GL006 "http.Client without Timeout"
	_ = value
	// The transport bounds waiting for the response headers.
	headers := &nethttp.Client{Transport: &nethttp.Transport{ResponseHeaderTimeout: time.Second}}
	_ = headers
	// A transport without it bounds nothing.
	noHeaders := &nethttp.Client{Transport: &nethttp.Transport{MaxIdleConns: 5}} // want GL006 "http.Client without Timeout"
	_ = noHeaders
	tr := &nethttp.Transport{ResponseHeaderTimeout: time.Second}
	viaVariable := &nethttp.Client{Transport: tr}
	_ = viaVariable
	bare := &nethttp.Transport{}
	viaBare := &nethttp.Client{Transport: bare} // want GL006 "http.Client without Timeout"
	_ = viaBare
}

// A transport built elsewhere is given the benefit of the doubt.
func withTransport(rt nethttp.RoundTripper) *nethttp.Client {
	return &nethttp.Client{Transport: rt}
}

// Timeout set after the literal, in the same function.
func laterTimeout() *nethttp.Client {
	c := &nethttp.Client{}
	c.Timeout = 30 * time.Second
	return c
}

// Handed to a function that configures it.
func configured(apply func(*nethttp.Client)) *nethttp.Client {
	c := &nethttp.Client{}
	apply(c)
	return c
}

func serve(mux *nethttp.ServeMux) {
	log.Fatal(nethttp.ListenAndServe(":8080", mux))                   // want GL006 "nethttp.ListenAndServe runs an http.Server without timeouts"
	log.Fatal(nethttp.ListenAndServeTLS(":8443", "c", "k", mux))      // want GL006 "ListenAndServeTLS"
	srv := &nethttp.Server{Addr: ":8080", Handler: mux}               // want GL006 "http.Server without ReadHeaderTimeout or ReadTimeout"
	bounded := &nethttp.Server{Addr: ":8080", ReadHeaderTimeout: 5e9} // bounded
	read := nethttp.Server{ReadTimeout: time.Minute}                  // bounded
	later := &nethttp.Server{Addr: ":8081"}
	later.ReadHeaderTimeout = 5 * time.Second
	go srv.ListenAndServe()
	go bounded.ListenAndServe()
	go read.ListenAndServe()
	go later.ListenAndServe()
}

func dial(addr string) {
	c, err := net.Dial("tcp", addr) // want GL006:low "net.Dial has no timeout"
	if err == nil {
		c.Close()
	}
	c, err = net.DialTimeout("tcp", addr, time.Second)
	if err == nil {
		c.Close()
	}
	d := net.Dialer{Timeout: time.Second}
	c, err = d.Dial("tcp", addr)
	if err == nil {
		c.Close()
	}
	c, err = net.Dial("unix", "/run/app.sock") // a unix socket connects at once
	if err == nil {
		c.Close()
	}
	c, err = net.Dial("udp", "statsd:8125") // UDP has no handshake
	if err == nil {
		c.Close()
	}
}

// A request that carries a context is bounded by it.
func withContext(ctx context.Context, url string) {
	req, _ := nethttp.NewRequest("GET", url, nil)
	nethttp.DefaultClient.Do(req.WithContext(ctx))
	bound, _ := nethttp.NewRequestWithContext(ctx, "GET", url, nil)
	nethttp.DefaultClient.Do(bound)
	plain, _ := nethttp.NewRequest("GET", url, nil)
	nethttp.DefaultClient.Do(plain) // want GL006 "DefaultClient.Do"
}

// The older way: a request whose Cancel channel is set ends when that channel closes.
func withCancelChannel(ctx context.Context, url string) {
	req, _ := nethttp.NewRequest("POST", url, nil)
	req.Cancel = ctx.Done()
	nethttp.DefaultClient.Do(req)
	late, _ := nethttp.NewRequest("GET", url, nil)
	nethttp.DefaultClient.Do(late) // want GL006 "DefaultClient.Do uses http.DefaultClient"
	late.Cancel = ctx.Done()
	other, _ := nethttp.NewRequest("GET", url, nil)
	nethttp.DefaultClient.Do(other) // want GL006 "DefaultClient.Do uses http.DefaultClient"
}

// A client inside a struct literal that options configure afterwards.
type api struct {
	http *nethttp.Client
	base string
}

func newAPI(options ...func(*api)) *api {
	a := &api{http: &nethttp.Client{}}
	for _, o := range options {
		o(a)
	}
	return a
}

func newAPILater() *api {
	a := &api{http: &nethttp.Client{}}
	a.http.Timeout = time.Minute
	return a
}

func newAPIBare() *api {
	return &api{http: &nethttp.Client{}} // want GL006 "http.Client without Timeout"
}

// A default for a caller that passes no client: the caller who wants a timeout passes
// a client with one.
func newAPIWith(client *nethttp.Client) *api {
	if client == nil {
		client = &nethttp.Client{}
	}
	return &api{http: client}
}

// A client chosen by the code itself, not a default for a missing one.
func newAPIFor(secure bool) *api {
	client := nethttp.DefaultClient
	if secure {
		client = &nethttp.Client{Transport: &nethttp.Transport{}} // want GL006 "http.Client without Timeout waits forever for a server that stops answering; set Timeout, or ResponseHeaderTimeout on its Transport for long downloads"
	}
	return &api{http: client}
}

var sharedProxyClient *nethttp.Client

// The client is copied to the variable whose Timeout is set after it.
func proxiedClient(proxy string, timeout time.Duration) *nethttp.Client {
	client := nethttp.DefaultClient
	if proxy != "" {
		sharedProxyClient = &nethttp.Client{Transport: &nethttp.Transport{}}
		client = sharedProxyClient
	}
	if timeout > 0 {
		client.Timeout = timeout
	}
	return client
}

// The timeout goes to a copy made before the literal was stored: the literal has none.
func staleCopyClient(proxy string, timeout time.Duration) *nethttp.Client {
	client := nethttp.DefaultClient
	other := sharedProxyClient
	sharedProxyClient = &nethttp.Client{Transport: &nethttp.Transport{}} // want GL006 "http.Client without Timeout"
	other.Timeout = timeout
	return client
}
