package fixtures

import (
	"context"
	"testing"
	"time"
)

// Test support code outside a _test.go file: a function that takes a testing.TB.
func dialForTest(tb testing.TB, addr string) context.Context {
	ctx, _ := context.WithTimeout(context.Background(), 20*time.Second)
	if addr == "" {
		tb.Fatal("no address")
	}
	return ctx
}

// The same in production code: reported.
func dial(addr string) context.Context {
	ctx, _ := context.WithTimeout(context.Background(), 20*time.Second) // want GL009 "discarded with `_`, so it can live until the deadline"
	if addr == "" {
		return nil
	}
	return ctx
}

// A struct that embeds no suite: production code.
type clientPool struct {
	addr string
}

func (p *clientPool) SimpleCtx() context.Context {
	ctx, _ := context.WithTimeout(context.TODO(), 2*time.Second) // want GL009 "discarded with `_`, so it can live until the deadline; return it with the context for the caller to call"
	return ctx
}
