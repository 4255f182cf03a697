// Package daemon is the daemon's body, which its command runs.
package daemon

import "errors"

func start() error { return errors.New("closed") }

var shutdown = make(chan struct{})

// Main is exported, but the module is an application: its command calls it once, and
// the mobile package's Start, which nothing in the module calls, adds no run the code
// shows. The starter a shutdown strands is one per process. Low.
func Main() error {
	errs := make(chan error)
	go func() {
		errs <- start() // want GL003:low
	}()
	select {
	case err := <-errs:
		return err
	case <-shutdown:
		return nil
	}
}

// Serve is the same, but the mobile package restarts it in an endless loop: each
// shutdown strands one more starter. Reported.
func Serve() error {
	errs := make(chan error)
	go func() {
		errs <- start() // want GL003
	}()
	select {
	case err := <-errs:
		return err
	case <-shutdown:
		return nil
	}
}
