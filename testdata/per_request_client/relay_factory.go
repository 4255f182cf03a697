package fixtures

import (
	"net"
	"net/http"
	"time"
)

// A building block: a transport with the package's dial settings.
func baseTransport() *http.Transport {
	return &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
	}
}

// A second factory adjusts what the first builds and returns it.
func upstreamTransport(timeout time.Duration) *http.Transport {
	t := baseTransport()
	if timeout > 0 {
		t.ResponseHeaderTimeout = timeout
	}
	return t
}

type gateway struct {
	target  string
	timeout time.Duration
	shared  http.RoundTripper
}

// Each request gets a transport of its own, used once and dropped.
func (g *gateway) forward(w http.ResponseWriter, r *http.Request) {
	rt := upstreamTransport(g.timeout) // want GL005 "`upstreamTransport` returns a new connection pool built by `baseTransport` on every call; `gateway.forward` drops it unclosed"
	out := r.Clone(r.Context())
	out.URL.Host = g.target
	resp, err := rt.RoundTrip(out)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

// Kept by the gateway: one pool for all requests.
func (g *gateway) setUp() {
	g.shared = upstreamTransport(g.timeout)
}

// A caller that closes the idle connections after its request.
func probeOnce(u string) error {
	t := upstreamTransport(time.Second)
	defer t.CloseIdleConnections()
	resp, err := (&http.Client{Transport: t}).Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A caller that uses one transport for a batch of requests.
func probeAll(urls []string) error {
	c := &http.Client{Transport: upstreamTransport(time.Second)}
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// A caller whose repetition the code does not show: low.
func probeHealth(u string) error {
	resp, err := (&http.Client{Transport: upstreamTransport(time.Second)}).Get(u) // want GL005:low
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type headerTripper struct {
	next  http.RoundTripper
	token string
}

func (h *headerTripper) RoundTrip(r *http.Request) (*http.Response, error) {
	r.Header.Set("Authorization", h.token)
	return h.next.RoundTrip(r)
}

// A relay that wraps the transport in what it returns.
func authTransport(token string) http.RoundTripper {
	t := baseTransport()
	return &headerTripper{next: t, token: token}
}

func (g *gateway) forwardAuth(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: authTransport(r.Header.Get("X-Token"))} // want GL005
	resp, err := c.Get("http://" + g.target + r.URL.Path)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

// A relay that turns keep-alives off: no idle connection stays behind.
func oneShotTransport() *http.Transport {
	t := baseTransport()
	t.DisableKeepAlives = true
	return t
}

func forwardOneShot(w http.ResponseWriter, r *http.Request) {
	resp, err := oneShotTransport().RoundTrip(r)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

var cached *http.Transport

// A relay that caches what it builds: the callers share it.
func cachedTransport() *http.Transport {
	if cached == nil {
		t := baseTransport()
		cached = t
	}
	return cached
}

func forwardCached(w http.ResponseWriter, r *http.Request) {
	resp, err := cachedTransport().RoundTrip(r)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
