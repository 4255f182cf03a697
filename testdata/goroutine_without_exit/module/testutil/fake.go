// Package testutil holds the module's test helpers, which its tests call per test.
package testutil

// A fake server's Close does something, and the tests make one per test: each leaves
// its loop behind, a cost that ends with the test binary (lifetime.test_cost_only):
// reported with low confidence.
type Fake struct {
	requests chan string
	done     chan struct{}
}

func NewFake() *Fake {
	f := &Fake{requests: make(chan string), done: make(chan struct{})}
	go f.serve() // want GL011:low "blocks on `<-f.requests`"
	return f
}

func (f *Fake) serve() {
	for {
		request := <-f.requests
		_ = request
	}
}

func (f *Fake) Close() error {
	close(f.done)
	return nil
}
