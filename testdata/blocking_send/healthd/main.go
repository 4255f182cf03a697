package main

import (
	"context"
	"errors"
	"net/http"
	"time"
)

type checker struct {
	checks []func(context.Context) error
}

// Run for every request of the handler below: a check that outlives the request's
// deadline leaves its goroutine blocked on the send, one per slow request, while the
// server goes on.
func (c *checker) check(ctx context.Context) error {
	errc := make(chan error)
	go func() {
		for _, f := range c.checks {
			if err := f(ctx); err != nil {
				errc <- err // want GL003 "send on unbuffered `errc` blocks forever if its receiver \(line \d+\) returns through `<-ctx.Done\(\)` at line \d+; buffer it"
				return
			}
		}
		errc <- nil // want GL003 "send on unbuffered `errc` blocks forever if its receiver"
	}()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case err := <-errc:
		return err
	}
}

func (c *checker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	if err := c.check(ctx); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	}
}

// Run once, by main before the server starts: what it leaves blocked ends with the
// process.
func waitReady(ctx context.Context, ready func() bool) error {
	done := make(chan error)
	go func() {
		for !ready() {
			time.Sleep(time.Second)
		}
		done <- nil
	}()
	select {
	case <-ctx.Done():
		return errors.New("not ready")
	case err := <-done:
		return err
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := waitReady(ctx, func() bool { return true }); err != nil {
		panic(err)
	}
	http.ListenAndServe(":8080", &checker{})
}
