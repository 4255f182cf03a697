package lib

// The module's examples import the package, but name only the client: a refresher,
// which the service's main alone makes, is the application's, however its Close
// could end it. One per process. Silent.
type Refresher struct {
	due  chan struct{}
	done chan struct{}
}

func NewRefresher() *Refresher {
	r := &Refresher{due: make(chan struct{}), done: make(chan struct{})}
	go r.refresh()
	return r
}

func (r *Refresher) refresh() {
	for {
		<-r.due
	}
}

func (r *Refresher) Close() error {
	close(r.done)
	return nil
}
