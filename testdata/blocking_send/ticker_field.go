package fixtures

import "time"

// A receive from the `C` of a time.Ticker is not a receive from a same-named `C`
// field of this package's type: the goroutine below ranges over the ticker, and
// nothing in the file receives from the stepper's own channel.

type stepper struct {
	C    chan int
	step time.Duration
}

func (s *stepper) Ticks() <-chan int { return s.C }

func (s *stepper) Run(stop func() bool) {
	ticker := time.NewTicker(s.step)
	defer ticker.Stop()
	s.C <- 0
	go func() {
		for range ticker.C {
			if stop() {
				s.C <- -1
				return
			}
			s.C <- 1
		}
	}()
}
