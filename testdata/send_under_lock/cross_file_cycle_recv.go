package fixtures

import "sync"

// The receivers of cross_file_cycle_send.go's channels.

func newXfNode() *xfNode {
	n := &xfNode{peers: map[int]string{}, xfOut: make(chan string), xfLog: make(chan string)}
	go n.writer()
	go n.logger()
	return n
}

func (n *xfNode) writer() {
	for msg := range n.xfOut {
		n.peersMu.Lock()
		_ = n.peers[len(msg)]
		n.peersMu.Unlock()
	}
}

func (n *xfNode) logger() {
	for msg := range n.xfLog {
		n.logMu.Lock()
		_ = msg
		n.logMu.Unlock()
	}
}

func newXfAuditor() *xfAuditor {
	a := &xfAuditor{xfAudit: make(chan int)}
	go a.drain()
	return a
}

func (a *xfAuditor) drain() {
	for {
		n := <-a.xfAudit
		a.count(n)
	}
}

func (a *xfAuditor) count(n int) {
	a.mu.Lock()
	a.seen += n
	a.mu.Unlock()
}

// A relay whose channel is drained by a goroutine of another type that locks its own
// mutex of the same name.
type xfSink struct {
	peersMu sync.Mutex
	xfOut   chan string
	total   int
}

func newXfRelay() (*xfRelay, *xfSink) {
	r := &xfRelay{xfOut: make(chan string)}
	s := &xfSink{xfOut: r.xfOut}
	go s.take()
	return r, s
}

func (s *xfSink) take() {
	for msg := range s.xfOut {
		s.peersMu.Lock()
		s.total += len(msg)
		s.peersMu.Unlock()
	}
}
