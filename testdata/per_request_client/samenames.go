package fixtures

import (
	"context"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"

	"google.golang.org/grpc"
)

// GL005's questions about a timer or a transport ask which variable a name means: a
// variable of the same name declared in a nested block or a function literal is
// another one.

func sendShadowedReset(url string) {
	client := &http.Client{Transport: &http.Transport{}} // want GL005 "every call of `sendShadowedReset`"
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

// The daily Reset is of the literal's own timer t: the select's t comes around every
// ten seconds.
func pollShadowedReset(ctx context.Context, url string) {
	t := time.NewTimer(0)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			sendShadowedReset(url)
			go func() {
				t := time.NewTimer(time.Hour)
				defer t.Stop()
				t.Reset(24 * time.Hour)
				<-t.C
			}()
			t.Reset(10 * time.Second)
		}
	}
}

func sendDailyTicker(url string) {
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

// The ticker of the select is daily; the block's ticker of the same name is another
// variable, and so is what its Reset re-arms.
func pollDailyTicker(ctx context.Context, url string, verbose bool) {
	ticker := time.NewTicker(24 * time.Hour)
	defer ticker.Stop()
	if verbose {
		ticker := time.NewTicker(time.Second)
		ticker.Reset(2 * time.Second)
		<-ticker.C
		ticker.Stop()
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			sendDailyTicker(url)
		}
	}
}

func sendTickerT(url string) {
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

// t and tr: a name that holds the other is another variable.
func pollTickerT(ctx context.Context, url string) {
	tr := time.NewTicker(time.Second)
	defer tr.Stop()
	t := time.NewTicker(12 * time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			sendTickerT(url)
		case <-tr.C:
		}
	}
}

// The loop's client is a string of the same name, not the client built on the
// transport: one call uses the transport for one request.
func fetchTagged(url string, tags []string) int {
	tr := &http.Transport{MaxIdleConnsPerHost: 4} // want GL005:low "every call of `fetchTagged`"
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	resp, err := client.Get(url)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	n := 0
	for _, client := range tags {
		n += len(client)
	}
	return n
}

// The loop uses tr, the client's transport, through t: many requests on one pool.
func fetchBatch(urls []string) {
	tr := &http.Transport{MaxIdleConnsPerHost: 4}
	t := tr
	for _, u := range urls {
		resp, err := (&http.Client{Transport: t}).Get(u)
		if err == nil {
			resp.Body.Close()
		}
	}
}

// The transport without keep-alives is the block's own tr; the one used here keeps
// its idle connection.
func pingShadowed(url string, both bool) error {
	tr := &http.Transport{} // want GL005:low "every call of `pingShadowed`"
	if both {
		tr := &http.Transport{}
		tr.DisableKeepAlives = true
		_, _ = (&http.Client{Transport: tr}).Head(url)
	}
	client := &http.Client{Transport: tr, Timeout: time.Second}
	_, err := client.Head(url)
	return err
}

// t keeps no idle connection; the name tr holds t's, but means nothing here.
func pingPrefix(url string) error {
	t := &http.Transport{}
	t.DisableKeepAlives = true
	client := &http.Client{Transport: t, Timeout: time.Second}
	_, err := client.Head(url)
	return err
}

// The assignment is to conn declared before the loop (a reconnect loop keeps the last
// one); the block's conn of the same name is another variable.
func reconnect(addrs []string, fallback func() *grpc.ClientConn) {
	var conn *grpc.ClientConn
	for _, a := range addrs {
		if a == "" {
			conn := fallback()
			_ = conn.Target()
			continue
		}
		conn, _ = grpc.Dial(a)
		if conn != nil {
			break
		}
	}
	if conn != nil {
		conn.Connect()
	}
}

// conn is the range variable: each iteration's dial is dropped with it.
func redialEach(targets []*grpc.ClientConn, addrs []string) {
	for i, conn := range targets {
		if conn == nil {
			conn, _ = grpc.Dial(addrs[i]) // want GL005 "every iteration of the loop"
		}
		conn.Connect()
	}
}

// p is each long-lived proxy of the slice, which keeps its transport; the block's p
// of the same name is a fresh local.
func configureProxies(proxies []*httputil.ReverseProxy, u *url.URL) {
	for _, p := range proxies {
		if p == nil {
			p := httputil.NewSingleHostReverseProxy(u)
			_ = p.Director
		}
		p.Transport = &http.Transport{}
	}
}

type transports struct{ all []*http.Transport }

func (s *transports) Add(t *http.Transport) { s.all = append(s.all, t) }

// context is a local here, not the package: its Add keeps the transport.
func registerTransport(pool *transports) {
	context := pool
	t := &http.Transport{}
	context.Add(t)
}

var shared = sharedClient()

func sharedClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

// The handler's sharedClient is its own function literal, which returns the package's
// one client: it builds no transport.
func handleShared(w http.ResponseWriter, r *http.Request) {
	sharedClient := func() *http.Client { return shared }
	resp, err := sharedClient().Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}
