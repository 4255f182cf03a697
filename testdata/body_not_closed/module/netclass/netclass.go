// Package netclass sorts the errors of the module's requests by what the network did.
package netclass

import "net"

// Failure is a network error of a request.
type Failure struct{ err net.Error }

// Of returns the network failure of err: nil for no error, and for one that is not
// a network error.
func Of(err error) *Failure {
	if err == nil {
		return nil
	}
	ne, ok := err.(net.Error)
	if !ok {
		return nil
	}
	return &Failure{err: ne}
}

// Describe returns a description of err, for no error too.
func Describe(err error) *Failure {
	ne, _ := err.(net.Error)
	return &Failure{err: ne}
}

// Transient reports whether the request may work when tried again.
func (f *Failure) Transient() bool { return f.err != nil && f.err.Timeout() }
