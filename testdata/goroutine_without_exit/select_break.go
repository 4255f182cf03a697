package fixtures

import "time"

type syncer struct {
	done  chan bool
	ticks *time.Ticker
}

// The done case breaks out of the select only: the loop goes round again.
func (s *syncer) start(sync func()) {
	go func() { // want GL011 "keeps waking in the select at line 14; the `break` at line 16 leaves only the select: return instead"
		for {
			select {
			case <-s.done:
				break
			case <-s.ticks.C:
				sync()
			}
		}
	}()
}

// A labeled break leaves the loop: silent.
func (s *syncer) startLabeled(sync func()) {
	go func() {
	loop:
		for {
			select {
			case <-s.done:
				break loop
			case <-s.ticks.C:
				sync()
			}
		}
	}()
}

// A break in a switch inside the loop is no select's: the usual advice.
func (s *syncer) startSwitch(sync func(), kind func() int) {
	go func() { // want GL011 "runs until the process exits; add a ctx.Done\(\) exit"
		for {
			switch kind() {
			case 0:
				break
			default:
				sync()
			}
		}
	}()
}

func (s *syncer) Close() { s.done <- true }
