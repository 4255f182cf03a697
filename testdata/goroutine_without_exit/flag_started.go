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
		go watchers.tick() // want GL011 "keeps waking in the select at line 53"
	}
}
