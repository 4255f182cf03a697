// A console that reads lines while it waits for its context: the program runs it
// once, and a method of the same name on another type (another shape) that a loop
// calls is no second run of it: the reader it leaves blocked ends with the program.
// Silent.
package main

import (
	"bufio"
	"context"
	"os"
)

type console struct{ prompt string }

type agent struct{}

func (a *agent) Run(ctx context.Context, input string, turns int) []string { return nil }

func (c *console) Run(ctx context.Context) error {
	lines := make(chan string)
	go func() {
		reader := bufio.NewReader(os.Stdin)
		for {
			line, err := reader.ReadString('\n')
			if err != nil {
				return
			}
			lines <- line
		}
	}()
	a := &agent{}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line := <-lines:
			for _, out := range a.Run(ctx, line, 3) {
				_ = out
			}
		}
	}
}

// A server runs its handler once per connection: each one that ends leaves its
// reader blocked. Reported.
type session struct{}

func (s *session) Serve(ctx context.Context, r *bufio.Reader) error {
	lines := make(chan string)
	go func() {
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			lines <- line // want GL003 "returns through `<-ctx.Done\(\)`"
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line := <-lines:
			_ = line
		}
	}
}

func main() {
	ctx := context.Background()
	c := &console{prompt: "> "}
	_ = c.Run(ctx)
	for {
		s := &session{}
		_ = s.Serve(ctx, bufio.NewReader(os.Stdin))
	}
}
