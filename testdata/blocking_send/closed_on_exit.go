package fixtures

import (
	"context"
	"errors"
	"sync"
	"time"
)

type resizeEvent struct{ n int }

type swarmLimiter struct {
	resize chan resizeEvent
	quit   chan struct{}
	size   int
}

// The receiver closes the channel on its way out: a send after that panics (send on
// closed channel), it does not block.
func newSwarmLimiter() *swarmLimiter {
	l := &swarmLimiter{resize: make(chan resizeEvent), quit: make(chan struct{})}
	go func() {
		for {
			select {
			case e := <-l.resize:
				l.size = e.n
			case <-l.quit:
				close(l.resize)
				return
			}
		}
	}()
	return l
}

func (l *swarmLimiter) Allow(n int) bool {
	l.resize <- resizeEvent{n: n} // want GL003:low "panics \(send on closed channel\) once its receiver"
	return l.size > 0
}

func (l *swarmLimiter) Close() { close(l.quit) }

type gossipLimiter struct {
	resize chan resizeEvent
	quit   chan struct{}
	size   int
}

// The same receiver without the close: a send after it stops blocks forever.
func newGossipLimiter() *gossipLimiter {
	l := &gossipLimiter{resize: make(chan resizeEvent), quit: make(chan struct{})}
	go func() {
		for {
			select {
			case e := <-l.resize:
				l.size = e.n
			case <-l.quit:
				return
			}
		}
	}()
	return l
}

func (l *gossipLimiter) Allow(n int) bool {
	l.resize <- resizeEvent{n: n} // want GL003 "blocks forever if its receiver"
	return l.size > 0
}

func (l *gossipLimiter) Close() { close(l.quit) }

type startServer struct {
	started func()
	serve   func() error
}

// The waiting function defers the close: a late start notification panics.
func waitStarted(srv *startServer) (string, error) {
	startCh := make(chan string)
	defer close(startCh)
	srv.started = func() {
		startCh <- "ready" // want GL003:low "panics \(send on closed channel\)"
	}
	go srv.serve()
	select {
	case state := <-startCh:
		return state, nil
	case <-time.After(time.Second):
		return "", errors.New("timeout")
	}
}

// Without the close, a late start notification blocks forever.
func waitReady(srv *startServer) (string, error) {
	readyCh := make(chan string)
	srv.started = func() {
		readyCh <- "ready" // want GL003 "blocks forever if its receiver"
	}
	go srv.serve()
	select {
	case state := <-readyCh:
		return state, nil
	case <-time.After(time.Second):
		return "", errors.New("timeout")
	}
}

type renewal struct {
	stopCh chan struct{}
	doneCh chan error
}

// The receiver's deferred closure closes the channel on its way out: a Stop after the
// renewal ended panics, it does not block.
func (r *renewal) run() {
	defer func() {
		r.doneCh = nil
		close(r.stopCh)
	}()
	for {
		select {
		case <-r.stopCh:
			return
		case <-r.doneCh:
			return
		}
	}
}

func (r *renewal) Stop() {
	r.stopCh <- struct{}{} // want GL003:low "panics \(send on closed channel\) once its receiver"
}

type lease struct {
	stopCh chan struct{}
	doneCh chan error
	closed bool
}

// A deferred closure that closes the channel only on one branch: a Stop after the
// lease ended may block forever.
func (l *lease) run() {
	defer func() {
		if l.closed {
			close(l.stopCh)
		}
	}()
	for {
		select {
		case <-l.stopCh:
			return
		case <-l.doneCh:
			return
		}
	}
}

func (l *lease) Stop() {
	l.stopCh <- struct{}{} // want GL003 "blocks forever if its receiver"
}

func startRenewal(r *renewal, l *lease) {
	go r.run()
	go l.run()
}

type part struct{ n int }

// The deferred closure waits for the senders before it closes: a sender blocked on the
// send keeps the Wait, and the close, from happening, so the send blocks for good.
func fetchParts(ctx context.Context, n int) error {
	var wg sync.WaitGroup
	parts := make(chan part)
	defer func() {
		wg.Wait()
		close(parts)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < n; i++ {
			parts <- part{n: i} // want GL003 "blocks forever if its receiver"
		}
	}()
	for i := 0; i < n; i++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-parts:
		}
	}
	return nil
}
