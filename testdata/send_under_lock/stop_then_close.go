package fixtures

import "sync"

type feed struct {
	sync.Mutex
	feedHalt chan bool
	feedIn   chan string
	stopped  bool
}

func newFeed() *feed {
	f := &feed{feedHalt: make(chan bool), feedIn: make(chan string, 8)}
	go func() {
		for {
			select {
			case <-f.feedHalt:
				return
			case s, ok := <-f.feedIn:
				if !ok {
					return
				}
				_ = s
			}
		}
	}()
	return f
}

func (f *feed) add(s string) {
	f.Lock()
	defer f.Unlock()
	if f.feedIn != nil {
		f.feedIn <- s // want GL004:low
	}
}

// The loop stops on its own only when feedIn is closed, which happens here after the
// send: it is still there to take it (low: the wait is one item's work).
func (f *feed) halt() {
	f.Lock()
	defer f.Unlock()
	if f.stopped {
		return
	}
	f.feedHalt <- true // want GL004:low
	close(f.feedIn)
	f.feedIn = nil
	f.stopped = true
}

type pipe struct {
	sync.Mutex
	pipeHalt chan bool
	pipeIn   chan string
}

func newPipe() *pipe {
	p := &pipe{pipeHalt: make(chan bool), pipeIn: make(chan string, 8)}
	go func() {
		for {
			select {
			case <-p.pipeHalt:
				return
			case s, ok := <-p.pipeIn:
				if !ok {
					return
				}
				_ = s
			}
		}
	}()
	return p
}

// pipeIn is also closed by drop, which may run first: the loop is then gone.
func (p *pipe) drop() { close(p.pipeIn) }

func (p *pipe) halt() {
	p.Lock()
	defer p.Unlock()
	p.pipeHalt <- true // want GL004
	close(p.pipeIn)
}
