package fixtures

import (
	"errors"
	"net"
	"net/http"
)

// The close case goes on to a drain that takes one error per server: no sender is
// left behind by the select, whichever case goes first.
func serveAll(listeners []net.Listener, closing chan struct{}, handler http.Handler) error {
	errs := make(chan error)
	for _, l := range listeners {
		go func(l net.Listener) {
			errs <- http.Serve(l, handler)
		}(l)
	}
	var err error
	pending := len(listeners)
	select {
	case <-closing:
		err = http.ErrServerClosed
	case err = <-errs:
		pending--
	}
	for _, l := range listeners {
		l.Close()
	}
	for i := 0; i < pending; i++ {
		<-errs
	}
	return err
}

// The same drain, but an early return skips it once the servers run: that return is
// the path that leaves them behind.
func serveChecked(listeners []net.Listener, closing chan struct{}, handler http.Handler) error {
	errs := make(chan error)
	for _, l := range listeners {
		go func(l net.Listener) {
			errs <- http.Serve(l, handler) // want GL003 "^send on unbuffered `errs` blocks forever if its receiver \(line 56\) is skipped by the return at line 45; buffer it or receive before returning$"
		}(l)
	}
	if len(listeners) > 8 {
		return errors.New("too many listeners")
	}
	var err error
	pending := len(listeners)
	select {
	case <-closing:
		err = http.ErrServerClosed
	case err = <-errs:
		pending--
	}
	for i := 0; i < pending; i++ {
		<-errs
	}
	return err
}
