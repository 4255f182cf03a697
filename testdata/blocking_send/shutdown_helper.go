package fixtures

import (
	"context"
	"net"
	"net/http"
	"time"
)

type endpoint struct {
	server *http.Server
	grace  time.Duration
}

// The done case hands the result channel to a method that stops the server and then
// waits for Serve's result: the goroutine's one send is taken on every way out.
func (e *endpoint) run(ctx context.Context, l net.Listener) error {
	errc := make(chan error)
	go func() { errc <- e.server.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		e.shutdown(errc)
		return nil
	}
}

func (e *endpoint) shutdown(errc <-chan error) {
	stopped := make(chan struct{})
	go func() {
		e.server.Shutdown(context.Background())
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-time.After(e.grace):
		e.server.Close()
	}
	<-errc
}

// This helper may return before it receives: the send is left behind then.
func (e *endpoint) runHasty(ctx context.Context, l net.Listener) error {
	errc := make(chan error)
	go func() { errc <- e.server.Serve(l) }() // want GL003 "send on unbuffered `errc` blocks forever if its receiver \(line 48\) returns through `<-ctx.Done\(\)` at line 50"
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		e.stopHasty(errc)
		return nil
	}
}

func (e *endpoint) stopHasty(errc <-chan error) {
	if e.server.Close() != nil {
		return
	}
	<-errc
}
