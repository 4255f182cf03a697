package fixtures

import (
	"sync"
	"testing"
)

// Tests are not checked: sends under locks are how tests of locks are written.
func TestSendUnderLock(t *testing.T) {
	var mu sync.Mutex
	ch := make(chan int)
	go func() { <-ch }()
	mu.Lock()
	ch <- 1
	mu.Unlock()
}
