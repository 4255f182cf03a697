// Package sigserve runs a server until the process is asked to stop.
package sigserve

import (
	"context"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Serve runs the server until an interrupt: the goroutine left on its send after the
// signal ends with the process that was asked to stop.
func Serve(l net.Listener) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, l)
}

func run(ctx context.Context, l net.Listener) error {
	errc := make(chan error)
	go func() {
		errc <- accept(l)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return l.Close()
	}
}

// Probe gives up after a timeout of its caller's choice, as often as it is called:
// each slow dial leaves its goroutine blocked while the process goes on.
func Probe(addr string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return dial(ctx, addr)
}

// Also called with the signal's context: one call with another context is enough.
func ProbeUntilStopped(addr string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return dial(ctx, addr)
}

func dial(ctx context.Context, addr string) error {
	errc := make(chan error)
	go func() {
		_, err := net.Dial("tcp", addr)
		errc <- err // want GL003 "send on unbuffered `errc` blocks forever if its receiver \(line \d+\) returns through `<-ctx.Done\(\)`"
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func accept(l net.Listener) error {
	_, err := l.Accept()
	return err
}
