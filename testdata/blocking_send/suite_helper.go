package fixtures

import (
	"testing"
	"time"
)

// A test helper in a non-test file: the timeout case fails the test, so the run is
// already a failure when the server goroutine is left on its send.
type serverSuite struct {
	t *testing.T
}

func (s *serverSuite) T() *testing.T { return s.t }

func (s *serverSuite) start(serve func()) {
	running := make(chan bool)
	go func() {
		serve()
		running <- true
	}()
	select {
	case <-running:
	case <-time.After(2 * time.Second):
		s.T().Fatal("server failed to start before deadline")
	}
}

// A logger's Fatal method may return to its caller: still a leak.
type logger interface{ Fatal(args ...interface{}) }

func startLogged(log logger, serve func()) {
	running := make(chan bool)
	go func() {
		serve()
		running <- true // want GL003 "send on unbuffered `running` blocks forever if its receiver \(line 39\) returns through `<-time.After\(time.Second\)` at line 40"
	}()
	select {
	case <-running:
	case <-time.After(time.Second):
		log.Fatal("not started")
	}
}

type store interface {
	Lock(stop chan struct{}) error
}

// A test-support helper (it takes the *testing.T): the lock attempt is expected to
// block, the helper gives up after a while and goes on; the goroutine left on its
// send ends with the test binary, and the test neither hangs nor fails (low).
func checkLockBlocks(t *testing.T, s store) {
	done := make(chan struct{})
	stop := make(chan struct{}, 1)
	go func() {
		_ = s.Lock(stop)
		done <- struct{}{} // want GL003:low "send on unbuffered `done` blocks forever if its receiver"
	}()
	select {
	case <-done:
		t.Error("lock taken twice")
	case <-time.After(time.Second):
		stop <- struct{}{}
	}
}

// Started in a loop, the lockers left behind by the early return pile up: still
// reported.
func checkLocks(t *testing.T, stores []store) {
	errc := make(chan error)
	for _, s := range stores {
		go func(s store) {
			errc <- s.Lock(nil) // want GL003 "send on unbuffered `errc` blocks forever after the receiving loop \(line \d+\) leaves at line \d+"
		}(s)
	}
	for range stores {
		if err := <-errc; err != nil {
			t.Error(err)
			return
		}
	}
}
