package fixtures

import (
	"sync"
	"time"
)

type reporter struct {
	done chan struct{}
	stop bool
}

func (r *reporter) stopping() bool { return r.stop }

// The goroutine checks the flag only when a tick comes; the deferred Stop ends the
// ticks when run returns, and the goroutine waits for ever.
func (r *reporter) run(work func() error, log func()) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	go func() { // want GL011 "goroutine can wait forever: its range loop at line 21 leaves only on a tick \(line 24\), and the deferred `t.Stop\(\)` at line 19 ends the ticks"
		for range t.C {
			log()
			if r.stopping() {
				return
			}
		}
	}()
	for !r.stopping() {
		if err := work(); err != nil {
			return err
		}
	}
	return nil
}

// The same with a done channel closed with the Stop: the goroutine leaves.
func (r *reporter) runWithDone(work func() error, log func()) error {
	t := time.NewTicker(time.Second)
	done := make(chan struct{})
	defer func() {
		t.Stop()
		close(done)
	}()
	go func() {
		for {
			select {
			case <-t.C:
				log()
				if r.stopping() {
					return
				}
			case <-done:
				return
			}
		}
	}()
	for !r.stopping() {
		if err := work(); err != nil {
			return err
		}
	}
	return nil
}

// Nobody stops this ticker: it ticks on, and the flag is checked each second.
func (r *reporter) runUnstopped(log func()) {
	t := time.NewTicker(time.Second)
	go func() {
		for range t.C {
			log()
			if r.stopping() {
				t.Stop()
				return
			}
		}
	}()
}

// The goroutine stops the ticker itself, on its way out.
func (r *reporter) runSelfStopped(log func()) {
	t := time.NewTicker(time.Second)
	go func() {
		defer t.Stop()
		for range t.C {
			log()
			if r.stopping() {
				return
			}
		}
	}()
}

// The Stop of another ticker does not end this one's ticks.
func (r *reporter) runOther(log func()) {
	t := time.NewTicker(time.Second)
	other := time.NewTicker(time.Minute)
	defer other.Stop()
	go func() {
		for range t.C {
			log()
			if r.stopping() {
				t.Stop()
				return
			}
		}
	}()
	<-other.C
}

func (r *reporter) Close() { close(r.done) }

// The starter waits for the goroutine before its deferred Stop runs.
func (r *reporter) runJoined(log func()) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range t.C {
			log()
			if r.stopping() {
				return
			}
		}
	}()
	wg.Wait()
}

// The same, joined through a channel the goroutine closes.
func (r *reporter) runJoinedByChannel(log func()) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for range t.C {
			log()
			if r.stopping() {
				return
			}
		}
	}()
	<-finished
}
