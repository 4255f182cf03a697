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
