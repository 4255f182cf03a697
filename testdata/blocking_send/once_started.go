package fixtures

import (
	"errors"
	"flag"
)

func listenAndServe() error { return errors.New("closed") }

func openStore() error { return nil }

// runDaemon is the daemon's set-up code (it parses the flags): it runs once per
// process, so the server goroutine an early return strands is one per run (low).
func runDaemon() error {
	flag.Parse()
	serveErr := make(chan error)
	go func() {
		serveErr <- listenAndServe() // want GL003:low
	}()
	if err := openStore(); err != nil {
		return err
	}
	return <-serveErr
}

// ServeAll is a library's API, which users may call again: shown.
func ServeAll() error {
	serveErr := make(chan error)
	go func() {
		serveErr <- listenAndServe() // want GL003
	}()
	if err := openStore(); err != nil {
		return err
	}
	return <-serveErr
}

var kinds = []string{"a", "b", "c"}

func deleteKind(kind string) error { return nil }

// deleteKinds runs once, from the set-up code below: the deleters its first error
// strands are one run's (low).
func deleteKinds() error {
	errs := make(chan error)
	for _, k := range kinds {
		go func(k string) {
			errs <- deleteKind(k) // want GL003:low
		}(k)
	}
	for range kinds {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

func uninstall() error {
	flag.Parse()
	return deleteKinds()
}

// Listen is a library's API: the set-up code below calls it once, but the package's
// users may call it again. Shown.
func Listen() error {
	listenErr := make(chan error)
	go func() {
		listenErr <- listenAndServe() // want GL003
	}()
	if err := openStore(); err != nil {
		return err
	}
	return <-listenErr
}

func setUp() error {
	flag.Parse()
	return Listen()
}
