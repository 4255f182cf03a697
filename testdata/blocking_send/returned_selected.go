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

// fetch hands back the body it reads; the goroutine waits for the caller.
func fetch(read func() []byte) chan []byte {
	body := make(chan []byte)
	go func() {
		body <- read() // want GL003 "send on unbuffered `body` blocks forever if the select at line 102 returns through `<-time.After\(d\)` before it takes the channel fetch returns; buffer it"
	}()
	return body
}

// FetchWithin keeps the channel in a variable and gives up on the timer.
func FetchWithin(read func() []byte, d time.Duration) ([]byte, error) {
	body := fetch(read)
	select {
	case b := <-body:
		return b, nil
	case <-time.After(d):
		return nil, errSlow
	}
}

// fetchKept is waited for once the select gave up: the value is taken.
func fetchKept(read func() []byte) chan []byte {
	body := make(chan []byte)
	go func() {
		body <- read()
	}()
	return body
}

func FetchLate(read func() []byte, d time.Duration) []byte {
	body := fetchKept(read)
	select {
	case b := <-body:
		return b
	case <-time.After(d):
	}
	return <-body
}

// fetchHanded is handed to a helper that may receive from it.
func fetchHanded(read func() []byte) chan []byte {
	body := make(chan []byte)
	go func() {
		body <- read()
	}()
	return body
}

func FetchHanded(read func() []byte, d time.Duration, keep func(chan []byte)) []byte {
	body := fetchHanded(read)
	select {
	case b := <-body:
		return b
	case <-time.After(d):
		keep(body)
		return nil
	}
}

// launch and await are called from select_caller.go.
func launch(f func() error) chan error {
	done := make(chan error)
	go func() {
		done <- f() // want GL003 "when the select at select_caller.go:7 takes another case than the channel launch returns; buffer it"
	}()
	return done
}

func await(f func() error) chan error {
	done := make(chan error)
	go func() {
		done <- f() // want GL003 "if the select at select_caller.go:17 returns through another case before it takes the channel await returns; buffer it"
	}()
	return done
}
