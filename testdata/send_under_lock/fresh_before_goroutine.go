package fixtures

import (
	"errors"
	"sync"
)

type consumeSub struct {
	sync.Mutex
	errs   chan error
	status chan int
}

func (c *consumeSub) pull() error { return nil }

// The first send into a buffer of ten made in this function: the goroutine that also
// sends on it starts only after it, so the buffer has room.
func startConsume() *consumeSub {
	sub := &consumeSub{errs: make(chan error, 10), status: make(chan int)}
	sub.Lock()
	if err := sub.pull(); err != nil {
		sub.errs <- err
	}
	sub.Unlock()
	go func() {
		for {
			select {
			case <-sub.status:
				sub.Lock()
				sub.errs <- errReconnected // want GL004:low "; its own loop receives it: add a default case$"
				sub.Unlock()
			case err := <-sub.errs:
				sub.Lock()
				_ = err
				sub.Unlock()
			}
		}
	}()
	return sub
}

var errReconnected = errors.New("reconnected")

type lateSub struct {
	sync.Mutex
	errs chan error
}

func (c *lateSub) pull() error { return nil }

// A goroutine started before the send may have filled the buffer by then.
func startConsumeLate() *lateSub {
	sub := &lateSub{errs: make(chan error, 1)}
	go func() {
		for {
			sub.errs <- sub.pull()
		}
	}()
	go func() {
		for err := range sub.errs {
			sub.Lock()
			_ = err
			sub.Unlock()
		}
	}()
	sub.Lock()
	if err := sub.pull(); err != nil {
		sub.errs <- err // want GL004 "send on `sub.errs` under `sub`"
	}
	sub.Unlock()
	return sub
}
