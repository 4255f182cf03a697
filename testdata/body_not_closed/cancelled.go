package fixtures

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// The request's context is cancelled on the way out: the connection is dropped, not
// kept, but Close is still the contract.
func statusWithTimeout(ctx context.Context, client *http.Client, u string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req) // want GL008:low "^`resp.Body` from client.Do is never closed \(its request is cancelled, which only drops the connection\)"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Shown where the code shows it runs again (it takes a request: it serves them): each
// call pays for a new connection.
func cancelledAfter(client *http.Client, req *http.Request) error {
	ctx, cancel := context.WithCancel(context.Background())
	resp, err := client.Do(req.WithContext(ctx)) // want GL008 "never closed \(its request is cancelled"
	if err != nil {
		cancel()
		return err
	}
	if resp.StatusCode != http.StatusOK {
		cancel()
		return errors.New(resp.Status)
	}
	cancel()
	return nil
}

// The same through a transport the function makes and cleans up itself: no later call
// could have reused the dropped connection, so the cost is nil even where it runs again.
func cancelledOwnTransport(req *http.Request, newTransport func() (*http.Transport, func(), error)) error {
	transport, cleanup, err := newTransport()
	if err != nil {
		return err
	}
	defer cleanup()
	client := &http.Client{Transport: transport}
	ctx, cancel := context.WithCancel(context.Background())
	resp, err := client.Do(req.WithContext(ctx)) // want GL008:low "never closed \(its request is cancelled"
	if err != nil {
		cancel()
		return err
	}
	if resp.StatusCode != http.StatusOK {
		cancel()
		return errors.New(resp.Status)
	}
	cancel()
	return nil
}

// A transport the function is given is shared with other calls: shown.
func cancelledGivenTransport(req *http.Request, transport http.RoundTripper) error {
	client := &http.Client{Transport: transport}
	ctx, cancel := context.WithCancel(context.Background())
	resp, err := client.Do(req.WithContext(ctx)) // want GL008 "never closed \(its request is cancelled"
	if err != nil {
		cancel()
		return err
	}
	if resp.StatusCode != http.StatusOK {
		cancel()
		return errors.New(resp.Status)
	}
	cancel()
	return nil
}

// A cancel func of a context no request uses frees nothing.
func unrelatedCancel(client *http.Client, req *http.Request) (int, error) {
	_, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, err := client.Do(req) // want GL008 "^`resp.Body` from client.Do is never closed: defer resp.Body.Close\(\) after the error check$"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A client Timeout ends the request in time: the connection is held until it fires,
// then dropped. Low where nothing shows the function runs again.
func statusWithClientTimeout(u string) (int, error) {
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(u) // want GL008:low "^`resp.Body` from client.Get is never closed \(its client's Timeout drops the connection only when it fires\): defer resp.Body.Close\(\) after the error check$"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Cancelled before each way out of the loop: the connections are dropped (low where
// nothing shows the function runs again), and the message still says so in a long one.
func firstAnswering(ctx context.Context, client *http.Client, addresses []string) (string, error) {
	for _, address := range addresses {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		request, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://"+address+"/leader", nil)
		if err != nil {
			cancel()
			return "", err
		}
		resp, err := client.Do(request) // want GL008:low "is not closed when the loop continues at line \d+ and elsewhere \(its request is cancelled"
		if err != nil {
			cancel()
			continue
		}
		if resp.StatusCode != http.StatusOK {
			cancel()
			continue
		}
		leader := resp.Header.Get("Leader")
		if leader == "" {
			cancel()
			continue
		}
		cancel()
		return leader, nil
	}
	return "", errors.New("no leader")
}

// The Timeout set on the client before the request, in a function that serves requests
// (it takes one): each call holds a connection until the timer fires. Shown.
func forwardWithTimeout(client *http.Client, req *http.Request) (int, error) {
	client.Timeout = 5 * time.Second
	resp, err := client.Do(req) // want GL008 "never closed \(its client's Timeout drops the connection only when it fires\)"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A Timeout set in a branch may not be set when the request runs: no word on it.
func forwardMaybeTimeout(client *http.Client, req *http.Request, bounded bool) (int, error) {
	if bounded {
		client.Timeout = 5 * time.Second
	}
	resp, err := client.Do(req) // want GL008 "^`resp.Body` from client.Do is never closed: defer resp.Body.Close\(\) after the error check$"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

type measurer struct{ timeout time.Duration }

// Returns a response whose request it has cancelled on the way out: net/http has
// dropped its connection before the caller has it, so the caller has nothing to close.
func (m *measurer) do(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, m.timeout)
	defer cancel()
	resp, err := client.Do(req.WithContext(ctx))
	return resp, err
}

func (m *measurer) getPlain(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
	return m.do(ctx, client, req)
}

func (m *measurer) measure(ctx context.Context, client *http.Client, req *http.Request) (err error) {
	_, err = m.getPlain(ctx, client, req)
	return
}

// Cancelled only on an error path: the response it returns is still live.
func (m *measurer) doLive(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, m.timeout) // want GL009
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	return resp, nil
}

func (m *measurer) measureLive(ctx context.Context, client *http.Client, req *http.Request) (err error) {
	_, err = m.doLive(ctx, client, req) // want GL008 "discarded with `_`"
	return
}
