package fixtures

import (
	"errors"
	"time"
)

type datagram struct {
	id   int
	body []byte
}

type station struct {
	inbox   chan datagram
	timeout time.Duration
	write   func(string) error
	decode  func([]byte) (int, error)
}

// The caller returns early only when the write fails, and its deferred close(stop)
// ends the loop: a send right after its case's pick blocks only if the caller quits
// in that instant.
func (s *station) await(id int, results chan<- datagram, errs chan<- error, stop <-chan struct{}) {
	t := time.NewTimer(s.timeout)
	defer close(results)
	for {
		select {
		case d := <-s.inbox:
			if d.id == 0 && id == 0 {
				results <- d // want GL003:low "send on `results` blocks forever once the caller stops receiving after `stop`"
				return
			}
			if d.id == id {
				results <- d // want GL003:low
				return
			}
		case <-t.C:
			errs <- errors.New("timed out") // want GL003:low
			return
		case <-stop:
			return
		}
	}
}

// Work between the pick and the send: the caller can quit while it runs.
func (s *station) awaitDecoded(results chan<- int, stop <-chan struct{}) {
	for {
		select {
		case d := <-s.inbox:
			n, err := s.decode(d.body)
			if err != nil {
				continue
			}
			results <- n // want GL003 "send on `results` blocks forever once the caller stops receiving after `stop`"
		case <-stop:
			return
		}
	}
}

// The early return closes stop, which the goroutine selects on: it leaves too, and
// only its sends after a pick are left (reported there, of low confidence).
func (s *station) roundtrip(msg string, id int) (datagram, error) {
	results := make(chan datagram)
	errs := make(chan error)
	stop := make(chan struct{})
	defer close(stop)

	go s.await(id, results, errs, stop)

	if err := s.write(msg); err != nil {
		return datagram{}, err
	}
	select {
	case d := <-results:
		return d, nil
	case err := <-errs:
		return datagram{}, err
	}
}

// Nothing tells the goroutine to stop when the write fails: it blocks forever once a
// datagram comes.
func (s *station) forward(id int, results chan<- datagram) {
	for d := range s.inbox {
		if d.id == id {
			results <- d
			return
		}
	}
}

func (s *station) roundtripUnstopped(msg string, id int) (datagram, error) {
	results := make(chan datagram)
	go s.forward(id, results) // want GL003 "`forward` gets unbuffered `results` to send a value on, and blocks forever if its receiver \(line \d+\) is skipped by the return at line \d+; buffer it"
	if err := s.write(msg); err != nil {
		return datagram{}, err
	}
	return <-results, nil
}
