package fixtures

import (
	"context"
	"errors"
	"time"
)

type discovery interface {
	Run(ctx context.Context, out chan<- []string)
}

type prober struct {
	d discovery
}

func (p *prober) seen(targets []string) {}

// The worker gets a context the starter cancels on every way out after the wait:
// a worker that sends in a select with ctx.Done() leaves then.
func (p *prober) probe() error {
	ctx, cancel := context.WithCancel(context.Background())
	updates := make(chan []string)
	go p.d.Run(ctx, updates)
	var err error
	select {
	case got := <-updates:
		p.seen(got)
	case <-time.After(time.Second):
		err = errors.New("timed out")
	}
	cancel()
	return err
}

// Deferred: the same.
func (p *prober) probeDeferred() error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	updates := make(chan []string)
	go p.d.Run(ctx, updates)
	select {
	case got := <-updates:
		p.seen(got)
		return nil
	case <-time.After(time.Second):
		return errors.New("timed out")
	}
}

// The return on time-out skips the cancel: the worker's context stays live.
func (p *prober) probeLeaky() error {
	ctx, cancel := context.WithCancel(context.Background())
	updates := make(chan []string)
	go p.d.Run(ctx, updates) // want GL003
	select {
	case got := <-updates:
		p.seen(got)
	case <-time.After(time.Second):
		return errors.New("timed out")
	}
	cancel()
	return nil
}
