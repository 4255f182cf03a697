package fixtures

import (
	"sync"
	"time"
)

// A package-level arbiter whose goroutine starts behind a flag set under its lock
// and never set back: one goroutine per process, meant to tick as long as it runs.
// Silent.
type arbiterSet struct {
	sync.Mutex
	started bool
	ticker  *time.Ticker
	members map[int]struct{}
}

var arbiters = arbiterSet{ticker: time.NewTicker(time.Second), members: map[int]struct{}{}}

func (a *arbiterSet) tick() {
	for {
		select {
		case <-a.ticker.C:
			a.Lock()
			_ = len(a.members)
			a.Unlock()
		}
	}
}

func Join(id int) {
	arbiters.Lock()
	defer arbiters.Unlock()
	arbiters.members[id] = struct{}{}
	if !arbiters.started {
		arbiters.started = true
		go arbiters.tick()
	}
}

// Here Stop sets the flag back, and the next Watch starts another goroutine while
// the first one still ticks.
type watcherSet struct {
	sync.Mutex
	started bool
	ticker  *time.Ticker
}

var watchers = watcherSet{ticker: time.NewTicker(time.Second)}

func (w *watcherSet) tick() {
	for {
		select {
		case <-w.ticker.C:
			println("tick")
		}
	}
}

func (w *watcherSet) Stop() {
	w.Lock()
	w.started = false
	w.Unlock()
}

func Watch() {
	watchers.Lock()
	defer watchers.Unlock()
	if !watchers.started {
		watchers.started = true
		go watchers.tick() // want GL011:low "keeps waking in the select at line 53"
	}
}

// A package-level flag declared without a value and set after the go statement under
// the same lock: the declaration is its first value, not a reset. Silent.
var (
	latest     int
	latestMu   sync.Mutex
	refreshing bool
)

func latestValue() int {
	latestMu.Lock()
	if !refreshing {
		go func() {
			for {
				latestMu.Lock()
				latest++
				latestMu.Unlock()
				time.Sleep(time.Second)
			}
		}()
		refreshing = true
	}
	v := latest
	latestMu.Unlock()
	return v
}

func Values(n int) (sum int) {
	for i := 0; i < n; i++ {
		sum += latestValue()
	}
	return sum
}

// The same with a flag that a reset sets back to false: the next call starts
// another goroutine. Reported.
var (
	counted  int
	countMu  sync.Mutex
	counting bool
)

func countValue() int {
	countMu.Lock()
	if !counting {
		go func() { // want GL011:low "runs until the process exits"
			for {
				countMu.Lock()
				counted++
				countMu.Unlock()
				time.Sleep(time.Second)
			}
		}()
		counting = true
	}
	v := counted
	countMu.Unlock()
	return v
}

func ResetCount() {
	countMu.Lock()
	counting = false
	countMu.Unlock()
}

func Counts(n int) (sum int) {
	for i := 0; i < n; i++ {
		sum += countValue()
	}
	return sum
}
