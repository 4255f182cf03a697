package fixtures

import (
	"errors"
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
