package fixtures

import (
	"context"
	"testing"
)

// Tests are not checked: a blocked send hangs the test, which the test timeout reports.
func TestTimeoutLeak(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	done := make(chan int)
	go func() { done <- compute() }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}
