// Package nodetest runs simulated nodes for the tests of another package.
package nodetest

import "time"

type node struct {
	stop chan struct{}
	tick func()
}

// start runs the node until stop; each restart leaks a ticker, but only for as long as
// the test binary runs: a note, of low confidence (nothing shows restarts pile up).
func (n *node) start() {
	go func() {
		ticker := time.Tick(5 * time.Millisecond) // want GL010:low "leaks one until the test binary exits"
		for {
			select {
			case <-ticker:
				n.tick()
			case <-n.stop:
				return
			}
		}
	}()
}

func (n *node) poll() {
	t := time.NewTicker(time.Millisecond) // want GL010:low "keeps firing until the test binary exits; defer t.Stop()"
	for {
		select {
		case <-t.C:
			n.tick()
		case <-n.stop:
			return
		}
	}
}
