package fixtures

import "time"

// A labelled break that leaves only the inner wait loop: the outer loop comes back to
// the select on w.stop, so the timer case does not stop the receiver.
type wheel struct {
	stop   chan struct{}
	update chan time.Time
}

func (w *wheel) tick() {
	for {
		timer := time.NewTimer(time.Second)
	inner:
		for {
			select {
			case <-timer.C:
				break inner
			case <-w.update:
				continue
			case <-w.stop:
				w.stop <- struct{}{}
				return
			}
		}
	}
}

func (w *wheel) Close() {
	w.stop <- struct{}{}
	<-w.stop
}

// The labelled break leaves the only loop: the receiver stops on the timer.
type oneWheel struct {
	stop chan struct{}
}

func (w *oneWheel) tick() {
	timer := time.NewTimer(time.Second)
outer:
	for {
		select {
		case <-timer.C:
			break outer
		case <-w.stop:
			return
		}
	}
}

func (w *oneWheel) Close() {
	w.stop <- struct{}{} // want GL003
}
