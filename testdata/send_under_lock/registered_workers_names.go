package fixtures

import "sync"

// As registered_workers.go, with the worker found through names and declared types:
// another type of the file has a method of the worker's name (and takes the lock in
// it), which is not the worker `go t.pump(in, out)` starts. Silent.
type tagSet struct {
	mu     sync.Mutex
	closed chan struct{}
	chans  map[string]chan string
	spare  chan string
}

func (t *tagSet) add(tag string, out chan string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	in := make(chan string)
	t.chans[tag] = in
	go t.pump(in, out)
}

func (t *tagSet) pump(in chan string, out chan string) {
	for msg := range in {
		select {
		case <-t.closed:
			return
		case out <- msg:
		}
	}
}

func (t *tagSet) close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	close(t.closed)
	for tag, ch := range t.chans {
		delete(t.chans, tag)
		close(ch)
	}
}

func (t *tagSet) send(tag, msg string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ch, ok := t.chans[tag]; ok {
		ch <- msg
	}
}

type pumpStats struct {
	mu    sync.Mutex
	count int
}

func (p *pumpStats) pump(in chan string, out chan string) {
	p.mu.Lock()
	p.count++
	p.mu.Unlock()
}

// Here the goroutine is handed another channel of the same name (the `if`
// initializer's `in` shadows the registered one): the registered channel has no
// worker, and a send into it waits under the lock. The fields are named as tagSet's:
// only the stores into and closes of spareSet's own fields count.
type spareSet struct {
	mu     sync.Mutex
	closed chan struct{}
	chans  map[string]chan string
	spare  chan string
}

func (s *spareSet) add(tag string, out chan string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := make(chan string)
	s.chans[tag] = in
	if in := s.spare; in != nil {
		go s.pump(in, out)
	}
}

func (s *spareSet) pump(in chan string, out chan string) {
	for msg := range in {
		select {
		case <-s.closed:
			return
		case out <- msg:
		}
	}
}

func (s *spareSet) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	close(s.closed)
	for tag, ch := range s.chans {
		delete(s.chans, tag)
		close(ch)
	}
}

func (s *spareSet) send(tag, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch, ok := s.chans[tag]; ok {
		ch <- msg // want GL004 "send on `ch` under `s.mu`"
	}
}
