package fixtures

import (
	"log"
	"sync"
	"time"
)

func check(name string) (bool, error) { return name != "", nil }

// done is closed only once every checker has returned (wg.Wait, then close), so leaving
// through it strands no send.
func watchAll(names []string) {
	errc := make(chan error)
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			if _, err := check(name); err != nil {
				errc <- err
			}
		}(name)
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	for {
		select {
		case err := <-errc:
			log.Print(err)
		case <-done:
			return
		}
	}
}

// The loop around the select ends only on done, which the group's end closes: silent.
func collectAll(names []string) []error {
	errc := make(chan error)
	var wg sync.WaitGroup
	wg.Add(len(names))
	for _, name := range names {
		go func(name string) {
			defer wg.Done()
			if _, err := check(name); err != nil {
				errc <- err
			}
		}(name)
	}
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
	var errs []error
	over := false
	for !over {
		select {
		case <-finished:
			over = true
		case err := <-errc:
			errs = append(errs, err)
		}
	}
	return errs
}

// done is closed by a timer, not by the checkers' end: leaving through it strands them.
func watchFor(names []string, d time.Duration) {
	errc := make(chan error)
	for _, name := range names {
		go func(name string) {
			if _, err := check(name); err != nil {
				errc <- err // want GL003 "through `<-done`"
			}
		}(name)
	}
	done := make(chan struct{})
	go func() {
		time.Sleep(d)
		close(done)
	}()
	for {
		select {
		case err := <-errc:
			log.Print(err)
		case <-done:
			return
		}
	}
}
