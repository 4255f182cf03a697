package fixtures

import "testing"

// Tests are not checked: the test binary's goroutines end with it.
func TestServer(t *testing.T) {
	ch := make(chan int)
	go func() {
		for {
			<-ch
		}
	}()
	ch <- 1
}
