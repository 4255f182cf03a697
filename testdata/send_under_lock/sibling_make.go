package fixtures

type node struct {
	verifyQueue chan *verifier
	applyQueue  chan *verifier
}

func newNode() *node {
	return &node{
		verifyQueue: make(chan *verifier, 64),
		applyQueue:  make(chan *verifier),
	}
}

// The verifier reports to the node's queue, buffered 64 here.
func (n *node) verify(v *verifier) {
	v.reportCh = n.verifyQueue
	v.applyCh = n.applyQueue
}
