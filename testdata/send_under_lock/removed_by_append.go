package fixtures

import "sync"

// Each watcher gets a buffered channel; removing one re-slices the same field, which
// stores no new channel: the message names the buffer every watcher has.
type watchers struct {
	mu   sync.Mutex
	list []chan int
}

func (w *watchers) add() chan int {
	w.mu.Lock()
	defer w.mu.Unlock()
	c := make(chan int, 8)
	w.list = append(w.list, c)
	return c
}

func (w *watchers) remove(c chan int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for i, x := range w.list {
		if x == c {
			w.list = append(w.list[:i], w.list[i+1:]...)
			break
		}
	}
}

func (w *watchers) publish(v int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, c := range w.list {
		c <- v // want GL004:low "^send on `c` under `w.mu` \(locked at line 32\) \(buffer 8 at line 15: every call adds to it\) stalls other lockers until a receive; unlock first$"
	}
}

// Channels appended from a slice the caller hands in: their buffers are unknown, and
// the message claims none.
type feeds struct {
	mu   sync.Mutex
	list []chan int
}

func (f *feeds) addAll(cs []chan int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.list = append(f.list, cs...)
}

func (f *feeds) publish(v int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.list {
		c <- v // want GL004:low "^send on `c` under `f.mu` \(locked at line 53, unlocked by the defer at line 54\) stalls other lockers until a receive; unlock first$"
	}
}
