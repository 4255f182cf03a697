package fixtures

import (
	"context"

	"example.com/app/logging"
	"github.com/pkg/errors"
)

// A project's logger whose Panic never returns, and github.com/pkg/errors.Is: the
// break under errors.Is(err, ...) is never taken, as with the standard log and errors.
func storeLogged(ctx context.Context, in []int) int {
	ch := make(chan int)
	go func() {
		for _, v := range in {
			ch <- v
		}
		close(ch)
	}()
	total := 0
	for v := range ch {
		err := storeItem(ctx, v)
		if err != nil { // the program stops here
			logging.Panic("store failed")
		}
		if errors.Is(err, context.DeadlineExceeded) {
			break
		}
		total += v
	}
	return total
}

// err is set again after the check: the break can run.
func storeRetried(ctx context.Context, in []int) int {
	ch := make(chan int)
	go func() {
		for _, v := range in {
			ch <- v // want GL003 "send on unbuffered `ch` blocks forever after the receiving loop \(line 44\) leaves at line 51"
		}
		close(ch)
	}()
	total := 0
	for v := range ch {
		err := storeItem(ctx, v)
		if err != nil {
			logging.Panic("store failed")
		}
		err = storeItem(ctx, -v)
		if errors.Is(err, context.DeadlineExceeded) {
			break
		}
		total += v
	}
	return total
}
