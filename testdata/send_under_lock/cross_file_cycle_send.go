package fixtures

import "sync"

// A lock cycle through a receiver in another file of the package
// (cross_file_cycle_recv.go): its loop takes the sender's mutex between two receives,
// itself or through a method of its own file.
type xfNode struct {
	peersMu sync.Mutex
	logMu   sync.Mutex
	peers   map[int]string
	xfOut   chan string
	xfLog   chan string
}

func (n *xfNode) broadcast(msg string) {
	n.peersMu.Lock()
	defer n.peersMu.Unlock()
	for range n.peers {
		n.xfOut <- msg // want GL004 "^send on `n.xfOut` under `n.peersMu` .*stalls other lockers until a receive"
	}
}

// The receiver of xfAudit calls a method of its file that takes the lock.
type xfAuditor struct {
	mu      sync.Mutex
	seen    int
	xfAudit chan int
}

func (a *xfAuditor) record(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.xfAudit <- n // want GL004 "^send on `a.xfAudit` under `a.mu` .*stalls other lockers until a receive"
}

// The receiver of xfLog takes another mutex: it never waits for the sender's lock,
// and nothing shows it stopping. Low.
func (n *xfNode) note(msg string) {
	n.peersMu.Lock()
	defer n.peersMu.Unlock()
	n.xfLog <- msg // want GL004:low "^send on `n.xfLog` under `n.peersMu`"
}

// A field of the same name on another type, whose receiver in the other file takes a
// mutex of the same name: not this channel's receiver. Low.
type xfRelay struct {
	peersMu sync.Mutex
	xfOut   chan string
}

func (r *xfRelay) forward(msg string) {
	r.peersMu.Lock()
	defer r.peersMu.Unlock()
	r.xfOut <- msg // want GL004:low "^send on `r.xfOut` under `r.peersMu`"
}
