package fixtures

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Per-call transports whose connections end by design leave nothing behind for long.

// Idle connections closed after ten seconds.
func fetchShortIdle(url string) (*http.Response, error) {
	tr := &http.Transport{IdleConnTimeout: 10 * time.Second}
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	return client.Get(url)
}

// The same, set after the literal.
func fetchShortIdleLater(url string) (*http.Response, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.IdleConnTimeout = 5 * time.Second
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	return client.Get(url)
}

// DefaultTransport's 90 seconds: each call's idle connection outlives many calls.
func fetchDefaultIdle(url string) (*http.Response, error) {
	tr := &http.Transport{IdleConnTimeout: 90 * time.Second} // want GL005:low "^`http.Transport\{...\}` makes a new connection pool on every call of `fetchDefaultIdle` and never closes it"
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	return client.Get(url)
}

// The request asks the server to close the connection after the response.
func postClosing(url, body string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Close = true
	tr := &http.Transport{MaxIdleConns: 1}
	return (&http.Client{Transport: tr, Timeout: time.Minute}).Do(req)
}

func getClosingHeader(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "close")
	tr := &http.Transport{MaxIdleConns: 1}
	return (&http.Client{Transport: tr, Timeout: time.Minute}).Do(req)
}

// Another header: the connection stays idle in the pool.
func getKeepingHeader(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "close")
	tr := &http.Transport{MaxIdleConns: 1} // want GL005:low "every call of `getKeepingHeader`"
	return (&http.Client{Transport: tr, Timeout: time.Minute}).Do(req)
}

// Each connection gets an absolute deadline when it is dialled: it ends then.
func deadlineDialer(rw time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := net.DialTimeout(network, addr, 5*time.Second)
		if err != nil {
			return nil, err
		}
		return conn, conn.SetDeadline(time.Now().Add(rw))
	}
}

func fetchWithDeadline(url string) (*http.Response, error) {
	tr := &http.Transport{DialContext: deadlineDialer(time.Minute)}
	return (&http.Client{Transport: tr}).Get(url)
}

// A dial timeout bounds the dial only.
func fetchWithDialTimeout(url string) (*http.Response, error) {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	tr := &http.Transport{DialContext: dialer.DialContext} // want GL005:low "every call of `fetchWithDialTimeout`"
	return (&http.Client{Transport: tr, Timeout: time.Minute}).Get(url)
}

// A request literal that asks for the connection to close after the response.
func getClosingLiteral(target *url.URL) (*http.Response, error) {
	tr := &http.Transport{MaxIdleConns: 1}
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	return client.Do(&http.Request{Method: http.MethodGet, URL: target, Close: true})
}

// A request literal that keeps the connection: its pool stays behind.
func getKeepingLiteral(target *url.URL) (*http.Response, error) {
	tr := &http.Transport{MaxIdleConns: 1} // want GL005:low "^`http.Transport\{...\}` makes a new connection pool on every call of `getKeepingLiteral` and never closes it"
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	return client.Do(&http.Request{Method: http.MethodGet, URL: target, Close: false})
}
