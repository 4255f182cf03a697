package main

import (
	"context"
	"os"
	"time"
)

// A program with no server is read as one that does its work and exits, but a function
// of it that main calls in a loop runs many times: its discarded cancel is reported.
func work(ctx context.Context) {
	child, _ := context.WithTimeout(ctx, time.Second) // want GL009 "discarded with `_`"
	<-child.Done()
}

func main() {
	for range os.Args {
		work(context.Background())
	}
}
