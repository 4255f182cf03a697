package fixtures

import (
	"context"
	"net"
	"net/http"
	"time"
)

// A proxy's accept loop: every new client waits behind a dead upstream.
func acceptAndForward(l net.Listener, upstream string) error {
	for {
		client, err := l.Accept()
		if err != nil {
			return err
		}
		server, err := net.Dial("tcp", upstream) // want GL006 "net.Dial has no timeout"
		if err != nil {
			client.Close()
			continue
		}
		go forwardPair(client, server)
	}
}

func forwardPair(a, b net.Conn) {
	a.Close()
	b.Close()
}

// A loop over backends for each client: a dead one delays every new client.
type balancer struct{ backends []string }

func (b *balancer) serve(in net.Conn) {
	for _, addr := range b.backends {
		out, err := net.Dial("tcp", addr) // want GL006 "net.Dial has no timeout"
		if err == nil {
			out.Close()
			break
		}
	}
	in.Close()
}

// One connect for one caller: the OS connect timeout bounds it, for that caller only.
func connectOnce(addr string) (net.Conn, error) {
	return net.Dial("tcp", addr) // want GL006:low "net.Dial has no timeout"
}

// Retries in a loop, but no peer waits behind it.
func connectRetrying(addr string) (net.Conn, error) {
	var err error
	for i := 0; i < 3; i++ {
		var c net.Conn
		if c, err = net.Dial("tcp", addr); err == nil { // want GL006:low "net.Dial has no timeout"
			return c, nil
		}
	}
	return nil, err
}

// A library's DialContext that drops its context: the caller's deadline is lost.
func DialContextPeer(ctx context.Context, addr string) (net.Conn, error) {
	return net.Dial("tcp", addr) // want GL006 "^net.Dial ignores ctx"
}

// The transport is set after the client, in the same function, with a header bound.
func scrapeLocal() error {
	client := http.Client{}
	client.Transport = &http.Transport{
		DisableKeepAlives:     true,
		ResponseHeaderTimeout: 5 * time.Second,
	}
	resp, err := client.Get("http://exporter/metrics")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A dialer of the program's own: where it connects is its business.
func agentClient(dial func() (net.Conn, error)) *http.Client {
	client := &http.Client{}
	client.Transport = &http.Transport{
		DialContext: func(context.Context, string, string) (net.Conn, error) { return dial() },
	}
	return client
}

// A transport without a header bound, set later: still unbounded.
func scrapeRemote(url string) error {
	client := &http.Client{} // want GL006 "^http.Client without Timeout waits forever"
	transport := &http.Transport{DisableKeepAlives: true}
	client.Transport = transport
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// An empty server kept by the constructor and replaced by the configured one before serving.
type webModule struct {
	address string
	server  *http.Server
}

func newWebModule() *webModule {
	return &webModule{server: &http.Server{}} // want GL006:low "^http.Server without ReadHeaderTimeout"
}

func (m *webModule) configure() {
	m.server = &http.Server{Addr: m.address} // want GL006 "^http.Server without ReadHeaderTimeout"
}

func (m *webModule) start() error {
	m.configure()
	return m.server.ListenAndServe()
}

// The same, where the replacement is configured field by field.
type restModule struct {
	address string
	server  *http.Server
}

func newRestModule() *restModule {
	return &restModule{server: &http.Server{}} // want GL006:low "^http.Server without ReadHeaderTimeout"
}

func (m *restModule) start() error {
	m.server = &http.Server{} // want GL006 "^http.Server without ReadHeaderTimeout"
	m.server.Addr = m.address
	return m.server.ListenAndServe()
}

// An empty client replaced at once by the caller's configured one.
type tokenSource struct {
	httpClient *http.Client
}

type remoteAPI struct {
	http   *http.Client
	tokens *tokenSource
}

func newTokenSource() *tokenSource {
	return &tokenSource{httpClient: &http.Client{}} // want GL006:low "^http.Client without Timeout"
}

func (r *remoteAPI) setupTokens() {
	r.tokens = newTokenSource()
	r.tokens.httpClient = r.http
}

// Kept empty: nothing replaces it.
type notifier struct {
	url    string
	client *http.Client
}

func newNotifier(url string) *notifier {
	return &notifier{url: url, client: &http.Client{}} // want GL006 "^http.Client without Timeout"
}

func (n *notifier) send() error {
	resp, err := n.client.Get(n.url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Every request of the function the client is handed to carries a deadline.
func probeOnce(ctx context.Context, client *http.Client, addr string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequest("GET", addr, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func probeForever(addr string, every time.Duration) {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range time.Tick(every) {
		_ = probeOnce(context.Background(), client, addr)
	}
}

// The function it is handed to also sends without a context: reported.
func fetchStatus(hc *http.Client, addr string) error {
	resp, err := hc.Get(addr)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func probeAndFetch(addr string) error {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want GL006 "^http.Client without Timeout"
	if err := probeOnce(context.Background(), client, addr); err != nil {
		return err
	}
	return fetchStatus(client, addr)
}

// The caller takes a context that the dial below it drops.
type channel struct{ peers map[string]net.Conn }

func (ch *channel) Connect(ctx context.Context, hostPort string) (net.Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return ch.newOutbound(hostPort)
}

func (ch *channel) newOutbound(hostPort string) (net.Conn, error) {
	return net.Dial("tcp", hostPort) // want GL006 "net.Dial has no timeout"
}
