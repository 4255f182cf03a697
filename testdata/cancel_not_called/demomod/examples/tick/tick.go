// Package tick shows how to wait for a tick.
package tick

import (
	"context"
	"fmt"
	"time"
)

// Countdown's one timer, in an example program, ends at its deadline.
func Countdown(ch <-chan int) {
	ctx, _ := context.WithTimeout(context.Background(), 3*time.Second)
	select {
	case <-ctx.Done():
	case v := <-ch:
		fmt.Println(v)
	}
}

// Made per turn of a loop, timers pile up until their deadlines, example or not.
func Poll(ch <-chan int) {
	for v := range ch {
		ctx, _ := context.WithTimeout(context.Background(), time.Minute) // want GL009 "discarded with `_`"
		go func() { <-ctx.Done(); fmt.Println(v) }()
	}
}
