package fixtures

import "context"

// A helper that sends on its parameter in a loop, run by a goroutine with a channel
// whose receive loop leaves when the context ends: the sends after it block.
func countTo(n int, nums chan int) {
	for i := 1; i <= n; i++ {
		nums <- i // want GL003 "after the receiving loop"
	}
}

func sumUntil(ctx context.Context, n int) int {
	nums := make(chan int)
	go func() { countTo(n, nums) }()
	total := 0
	for v := range nums {
		select {
		case <-ctx.Done():
			return total
		default:
		}
		total += v
	}
	return total
}

// The goroutine calls the starter's parameter, named like the helper: the package's
// spill is not what it runs.
func spill(n int, drops chan int) {
	for i := 0; i < n; i++ {
		drops <- i
	}
}

func dropsUntil(ctx context.Context, n int, spill func(int, chan int)) int {
	drops := make(chan int)
	go func() { spill(n, drops) }()
	total := 0
	for v := range drops {
		select {
		case <-ctx.Done():
			return total
		default:
		}
		total += v
	}
	return total
}

// The goroutine hands the helper a buffered channel of its own, named like the
// starter's: the starter's loop does not receive what the helper sends.
func trickle(n int, bits chan int) {
	for i := 0; i < n; i++ {
		bits <- i
	}
}

func bitsUntil(ctx context.Context, n int) int {
	bits := make(chan int)
	go func() {
		bits := make(chan int, n)
		trickle(n, bits)
	}()
	total := 0
	for v := range bits {
		select {
		case <-ctx.Done():
			return total
		default:
		}
		total += v
	}
	return total
}
