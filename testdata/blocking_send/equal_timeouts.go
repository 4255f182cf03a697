package fixtures

import "time"

type service interface{ Stop() }

type supervisor struct {
	timeout  time.Duration
	grace    time.Duration
	removed  chan int
	services map[int]service
}

func (s *supervisor) after(d time.Duration) <-chan time.Time { return time.After(d) }

// The remover waits for the service at most s.timeout, then reports; stop waits for
// the reports at most the same s.timeout, started later: the report comes before stop
// gives up.
func (s *supervisor) remove(id int) {
	svc := s.services[id]
	delete(s.services, id)
	go func() {
		done := make(chan struct{})
		go func() {
			svc.Stop()
			close(done)
		}()
		select {
		case <-done:
		case <-s.after(s.timeout):
		}
		s.removed <- id
	}()
}

func (s *supervisor) stop(pending int) {
	timeout := s.after(s.timeout)
	for pending > 0 {
		select {
		case <-s.removed:
			pending--
		case <-timeout:
			return
		}
	}
}

type drainer struct {
	grace   time.Duration
	timeout time.Duration
	acks    chan int
}

// The acknowledger waits up to a.grace, but the collector gives up after a.timeout:
// with a longer grace the acknowledgement comes after nobody waits for it.
func (a *drainer) ack(id int, done <-chan struct{}) {
	go func() {
		select {
		case <-done:
		case <-time.After(a.grace):
		}
		a.acks <- id // want GL003 "send on `a.acks` blocks forever if its receiver \(line \d+\) stops through `<-timeout` at line \d+"
	}()
}

func (a *drainer) collect(pending int) {
	timeout := time.After(a.timeout)
	for pending > 0 {
		select {
		case <-a.acks:
			pending--
		case <-timeout:
			return
		}
	}
}

type limits struct{ Timeout time.Duration }

type tree struct {
	spec    limits
	stopped chan int
}

// The same timeout read through a nested field (`t.spec.Timeout`) on both sides.
func (t *tree) remove(id int, svc service) {
	go func() {
		done := make(chan struct{})
		go func() {
			svc.Stop()
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(t.spec.Timeout):
		}
		t.stopped <- id
	}()
}

func (t *tree) shutdown(pending int) {
	timeout := time.After(t.spec.Timeout)
	for pending > 0 {
		select {
		case <-t.stopped:
			pending--
		case <-timeout:
			return
		}
	}
}
