package fixtures

import "sync/atomic"

// supervisor's failures channel is made with a buffer in made_elsewhere_new.go, through
// a local: the error a run sends fits in it even after drainFailures has stopped.
type supervisor struct {
	failures chan error
}

func (s *supervisor) launch(run func() error) {
	go func() {
		if err := run(); err != nil {
			s.failures <- err
		}
	}()
}

func (s *supervisor) drainFailures(stopped <-chan struct{}, report func(error)) {
	for {
		select {
		case <-stopped:
			return
		case err := <-s.failures:
			report(err)
		}
	}
}

// overseer's faults channel is made unbuffered in made_elsewhere_new.go.
type overseer struct {
	faults chan error
}

func (o *overseer) launch(run func() error) {
	go func() {
		if err := run(); err != nil {
			o.faults <- err // want GL003 "send on `o.faults` blocks forever if its receiver \(line 48\) stops through `<-stopped`"
		}
	}()
}

func (o *overseer) drainFaults(stopped <-chan struct{}, report func(error)) {
	for {
		select {
		case <-stopped:
			return
		case err := <-o.faults:
			report(err)
		}
	}
}

// orderedReader's rewind signal is made with a buffer of one in made_elsewhere_new.go.
// An atomic flag lets one signal through until the receiver clears it: it fits.
type orderedReader struct {
	rewind    chan struct{}
	rewinding atomic.Uint32
	nudge     chan struct{}
	taken     atomic.Bool
}

func (r *orderedReader) onError(err error) {
	if err != nil && r.rewinding.Load() == 0 {
		r.rewinding.Store(1)
		r.rewind <- struct{}{}
	}
}

func (r *orderedReader) onGap() {
	if r.taken.CompareAndSwap(false, true) {
		r.rewind <- struct{}{}
	}
}

// Unguarded, each call sends one more: once the loop has stopped, the buffer fills
// (the message does not ask for a buffer it has).
func (r *orderedReader) Nudge() {
	r.nudge <- struct{}{} // want GL003 "^send on `r.nudge` blocks forever once its buffer fills if its receiver \(line 87\) stops through `<-stopped` at line 88; select on a done channel$"
}

func (r *orderedReader) loop(stopped <-chan struct{}) {
	for {
		select {
		case <-r.rewind:
			r.rewinding.Store(0)
		case <-r.nudge:
		case <-stopped:
			return
		}
	}
}
