package fixtures

import "sync"

// Each registered channel is handed to a goroutine its maker starts (a runner of
// another package, which cannot take this lock): the receiver is that worker, not a
// subscriber that leaves through the closing function; whether it stops receiving is
// not shown (low).
type evRunners struct {
	mu      sync.RWMutex
	runners map[string]chan int
}

func (r *evRunners) Load(name string, wg *sync.WaitGroup) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if old, ok := r.runners[name]; ok {
		close(old)
	}
	in := make(chan int)
	r.runners[name] = in
	wg.Add(1)
	go evRun(in, wg)
}

func (r *evRunners) Feed(v int) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for name := range r.runners {
		r.runners[name] <- v // want GL004:low "^send on `r.runners\[name\]` under `r.mu` .*stalls writers until a receive; `close\(old\)` .*needs the lock too"
	}
}
