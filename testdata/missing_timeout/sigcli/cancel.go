package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func cancellable(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	interrupted := make(chan os.Signal, 2)
	signal.Notify(interrupted, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-interrupted
		fmt.Fprintln(os.Stderr, "cancelled")
		cancel()
	}()
	return ctx
}
