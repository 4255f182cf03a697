package agg

import "time"

// The aggregator runs as long as the process: NewReader's only call in the module is
// the daemon's main, so each ticker outlives its loop only while the process shuts
// down. Silent.
type Reader struct{ done chan struct{} }

func NewReader() *Reader {
	r := &Reader{done: make(chan struct{})}
	r.start()
	return r
}

func (r *Reader) start() {
	go r.aggregate()
}

func (r *Reader) aggregate() {
	ticker := time.NewTicker(time.Second)
	for {
		select {
		case <-ticker.C:
		case <-r.done:
			return
		}
	}
}

// Nothing in the module calls Poll, and the module is an application (a command under
// cmd): its own code would show the calls, and shows none. Low.
func Poll(done chan struct{}, poll func()) {
	ticker := time.NewTicker(time.Second) // want GL010:low "never stopped"
	for {
		select {
		case <-ticker.C:
			poll()
		case <-done:
			return
		}
	}
}
