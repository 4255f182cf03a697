package main

import (
	"context"
	"os"
)

// Returning from main ends the program, and every context with it.
func main() {
	ctx, cancel := context.WithCancel(context.Background())
	if len(os.Args) > 1 {
		cancel()
		return
	}
	<-ctx.Done()
}

// Another function of package main is checked as usual.
func helper(parent context.Context, maybe bool) {
	_, cancel := context.WithCancel(parent) // want GL009 "not when the function ends"
	if maybe {
		cancel()
	}
}
