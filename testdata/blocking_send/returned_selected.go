package fixtures

import (
	"errors"
	"net"
	"time"
)

// dial reports when the connection attempt is over; the goroutine waits until the
// caller takes the value.
func dial(addr string) chan bool {
	over := make(chan bool)
	go func() {
		if conn, err := net.Dial("tcp", addr); err == nil {
			conn.Close()
		}
		over <- true // want GL003 "send on unbuffered `over` blocks forever when the select at line 25 takes another case than the channel dial returns; buffer it"
	}()
	return over
}

// Quicker answers with the address that finished first: the other attempt's
// goroutine is left with nobody to take its value.
func Quicker(a, b string) string {
	select {
	case <-dial(a):
		return a
	case <-dial(b):
		return b
	}
}

var errSlow = errors.New("too slow")

// attempt runs f and hands back its error.
func attempt(f func() error) <-chan error {
	result := make(chan error)
	go func() {
		result <- f() // want GL003 "select at line 47 takes another case than the channel attempt returns"
	}()
	return result
}

// Within gives up after d, and the goroutine of attempt waits for ever.
func Within(f func() error, d time.Duration) error {
	var err error
	select {
	case err = <-attempt(f):
		return err
	case <-time.After(d):
		return errSlow
	}
}

// attemptRoomy has a buffer for its one send: a caller that gives up leaves nothing
// blocked.
func attemptRoomy(f func() error) <-chan error {
	result := make(chan error, 1)
	go func() {
		result <- f()
	}()
	return result
}

func WithinRoomy(f func() error, d time.Duration) error {
	select {
	case err := <-attemptRoomy(f):
		return err
	case <-time.After(d):
		return errSlow
	}
}

// attemptAwaited is only read by a select with no other case: it always takes it.
func attemptAwaited(f func() error) <-chan error {
	result := make(chan error)
	go func() {
		result <- f()
	}()
	return result
}

func Awaited(f func() error) error {
	select {
	case err := <-attemptAwaited(f):
		return err
	}
}
