package fixtures

// The package's own registry only closes the channels it keeps, and a close never
// waits. The bare send is on a field of the same name of another struct type, which
// holds other channels. Silent.
type closeNotifier struct{ listeners []chan struct{} }

func (n *closeNotifier) NotifyClosed(ch chan struct{}) {
	n.listeners = append(n.listeners, ch)
}

func (n *closeNotifier) shutdown() {
	for _, ch := range n.listeners {
		close(ch)
	}
}

type tickFeed struct{ listeners []chan struct{} }

func (f *tickFeed) tick() {
	for _, ch := range f.listeners {
		ch <- struct{}{}
	}
}

func waitClosed(n *closeNotifier) {
	closed := make(chan struct{})
	n.NotifyClosed(closed)
	<-closed
}
