package fixtures

import "sync"

type storeWriter struct {
	mu sync.Mutex
	st *store
}

// writes is made with a buffer of 1024 (a constant) in sibling_const.go: a long-lived
// queue sized far beyond one send per call.
func (w *storeWriter) write(v int) {
	w.mu.Lock()
	w.st.writes <- v
	w.mu.Unlock()
}

// pokes has 4 slots: every call adds to them, and the message says so.
func (w *storeWriter) poke(v int) {
	w.mu.Lock()
	w.st.pokes <- v // want GL004:low "send on `w.st.pokes` under `w.mu` \(buffer 4 in sibling_const.go:16: every call adds to it\) stalls other lockers until a receive"
	w.mu.Unlock()
}
