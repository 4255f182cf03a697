package cliaction

import (
	"context"
	"errors"

	"github.com/urfave/cli"
	"golang.org/x/sync/errgroup"
)

// A key reader that gives up when its context ends, run in an errgroup that only
// a command action starts and waits for: one reader per run of the tool (low).
func waitForKey(ctx context.Context) error {
	keys := make(chan error)
	go func() {
		keys <- readKey() // want GL003:low "returns through `<-ctx.Done\(\)`"
	}()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case err := <-keys:
		return err
	}
}

func view(c *cli.Context) error {
	g, ctx := errgroup.WithContext(context.Background())
	g.Go(func() error { return serve(ctx) })
	g.Go(func() error { return waitForKey(ctx) })
	return g.Wait()
}

// The same reader, in a group that a library's exported function starts: its
// users may call it again and again.
func waitForByte(ctx context.Context) error {
	keys := make(chan error)
	go func() {
		keys <- readKey() // want GL003 "returns through `<-ctx.Done\(\)`"
	}()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case err := <-keys:
		return err
	}
}

func Watch(ctx context.Context) error {
	var g errgroup.Group
	g.Go(func() error { return waitForByte(ctx) })
	return g.Wait()
}

func serve(ctx context.Context) error { return errors.New("stopped") }

func readKey() error { return nil }

var _ = view
