package fixtures

import (
	"sync/atomic"
	"time"
)

var (
	sweeperState uint32
	signalMask   chan struct{}
)

// Started once, behind a compare-and-swap.
func startSweeper() {
	if atomic.CompareAndSwapUint32(&sweeperState, 0, 1) {
		go func() {
			for {
				time.Sleep(time.Second)
			}
		}()
	}
}

// Started once: the guard returns when the package variable is already set, and the
// function sets it before starting the goroutine.
func ensureMaskWatcher() {
	if signalMask != nil {
		return
	}
	signalMask = make(chan struct{})
	go func() {
		for {
			<-signalMask
		}
	}()
}

// A guard on something the function does not set guards nothing.
func startWatcher(ready bool, updates chan int) {
	if !ready {
		return
	}
	go func() { // want GL011:low "goroutine never returns: its `for {}` loop at line 44 blocks on `<-updates` at line 45 once nobody sends"
		for {
			<-updates
		}
	}()
}

// Every reconnect starts another watcher.
func reconnect(attempts int, updates chan int) {
	for i := 0; i < attempts; i++ {
		startWatcher(true, updates)
	}
}
