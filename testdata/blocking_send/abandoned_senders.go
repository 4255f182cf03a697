package fixtures

import (
	"context"
	"errors"
)

func check(n int) error {
	if n%2 == 1 {
		return errors.New("odd")
	}
	return nil
}

// The first error returns: the goroutines that have not sent yet wait forever.
func firstError(items []int) error {
	errc := make(chan error)
	for _, it := range items {
		go func(it int) {
			errc <- check(it) // want GL003 "send on unbuffered `errc` blocks forever after the receiving loop \(line 24\) leaves at line 25; keep receiving or select on a done channel"
		}(it)
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// A producer that sends in a loop: once the consumer breaks out, the buffer fills.
func producer(n int) int {
	ch := make(chan int, 4)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i // want GL003 "send on `ch` blocks forever once its buffer fills after the receiving loop \(line 41\) leaves at line 43"
		}
	}()
	total := 0
	for v := range ch {
		if v > 100 {
			break
		}
		total += v
	}
	return total
}

// Sized for every sender: none waits.
func firstErrorSized(items []int) error {
	errc := make(chan error, len(items))
	for _, it := range items {
		go func(it int) { errc <- check(it) }(it)
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// The loop breaks, and the rest is drained after it.
func drainedAfter(n int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	first := 0
	for v := range ch {
		first = v
		break
	}
	for range ch {
	}
	return first
}

// A deferred drain takes what the loop left.
func drainedByDefer(n int) error {
	ch := make(chan error)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- check(i)
		}
	}()
	defer func() {
		for range ch {
		}
	}()
	for err := range ch {
		if err != nil {
			return err
		}
	}
	return nil
}

// The loop leaves only when the channel is closed.
func untilClosed(n int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	total := 0
	for {
		v, ok := <-ch
		if !ok {
			return total
		}
		total += v
	}
}

// The loop leaves once every sender has reported.
func counted(items []int) int {
	done := make(chan int)
	for _, it := range items {
		go func(it int) { done <- it }(it)
	}
	pending := len(items)
	for v := range done {
		pending--
		if pending == 0 {
			return v
		}
	}
	return 0
}

const batch = 8

// The goroutine hands the channel to a producer of this file; the consumer returns
// when the context ends and the producer's next sends fill the buffer.
func restore(ctx context.Context, spans []int) int {
	ready := make(chan int, batch)
	go func() {
		defer close(ready)
		scatter(spans, ready)
	}()
	for span := range ready {
		select {
		case <-ctx.Done():
			return span
		default:
		}
	}
	return 0
}

func scatter(spans []int, out chan int) {
	for _, s := range spans {
		out <- s // want GL003 "send on `out` blocks forever once its buffer fills after the receiving loop \(line 149\) leaves at line 152"
	}
}

// The same producer, consumed to the end.
func restoreAll(spans []int) int {
	ready := make(chan int, batch)
	go func() {
		defer close(ready)
		scatter(spans, ready)
	}()
	total := 0
	for span := range ready {
		total += span
	}
	return total
}
