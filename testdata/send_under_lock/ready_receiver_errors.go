package fixtures

import "sync"

// The receiver loop of `user` leaves on an error of a key it received on another
// channel (the `err` of that case is its own, not one computed from a user
// function): once it left, a post waits forever under the lock.
type keyLoop struct {
	mu   sync.Mutex
	keys chan int
	user chan func() error
}

func handleKey(k int) error { return nil }

func (l *keyLoop) drain() error {
	for {
		select {
		case k := <-l.keys:
			if err := handleKey(k); err != nil {
				return err
			}
		case f := <-l.user:
			err := f()
			if err != nil {
				return err
			}
		}
	}
}

func (l *keyLoop) post(f func() error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.user <- f // want GL004 "send on `l.user` under `l.mu`"
}

// Here the loop leaves only on the error a user function returned, the value it
// received: whenever a post waits, the receiver takes it. Silent.
type userLoop struct {
	mu    sync.Mutex
	codes chan int
	calls chan func() error
}

func (l *userLoop) drain() error {
	for {
		select {
		case k := <-l.codes:
			if err := handleKey(k); err != nil {
				println(err.Error())
			}
		case f := <-l.calls:
			err := f()
			if err != nil {
				return err
			}
		}
	}
}

func (l *userLoop) post(f func() error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls <- f
}

// The same field names as keyLoop's, with a receiver that is always ready: it speaks
// for replayLoop's sends only, not for keyLoop's. Silent.
type replayLoop struct {
	mu   sync.Mutex
	keys chan int
	user chan func() error
}

func (l *replayLoop) drain() error {
	for {
		select {
		case k := <-l.keys:
			println(k)
		case f := <-l.user:
			if err := f(); err != nil {
				return err
			}
		}
	}
}

func (l *replayLoop) post(f func() error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.user <- f
}
