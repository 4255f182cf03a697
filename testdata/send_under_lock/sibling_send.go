package fixtures

import "sync"

type verifier struct {
	mu       sync.Mutex
	votes    int
	reportCh chan *verifier
	applyCh  chan *verifier
}

// The channel is the node's queue (buffered 64 in sibling_make.go) and each verifier
// sends to it once: the field is cleared after the send.
func (v *verifier) vote() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.reportCh == nil {
		return
	}
	v.votes++
	v.reportCh <- v
	v.reportCh = nil
}

// The same shape on an unbuffered queue: the send waits for the node's loop.
func (v *verifier) apply() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.applyCh == nil {
		return
	}
	v.applyCh <- v // want GL004:low "send on `v.applyCh` under `v.mu`"
	v.applyCh = nil
}
