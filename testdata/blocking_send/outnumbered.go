package fixtures

import (
	"io"
	"sync"
	"time"
)

// Two goroutines each report once, the function takes one report: the other blocks.
func firstDone(a, b func()) {
	done := make(chan struct{})
	go func() {
		a()
		done <- struct{}{}
	}()
	go func() { // want GL003 "2 goroutines \(lines 12, 16\) each send once on unbuffered `done`, received only once \(line 20\): the other sends block forever; buffer it"
		b()
		done <- struct{}{}
	}()
	<-done
}

// Copies one way, then says so from its deferred call.
func copyHalf(dst io.Writer, src io.Reader, finished chan bool) {
	defer func() {
		finished <- true
	}()
	io.Copy(dst, src)
}

// Both halves say they finished; only the first is heard.
func pipeBoth(a, b io.ReadWriter) {
	finished := make(chan bool)
	go copyHalf(a, b, finished)
	go copyHalf(b, a, finished) // want GL003 "2 goroutines \(lines 34, 35\) each send once on unbuffered `finished`, received only once \(line 36\): the other sends block forever; buffer it"
	<-finished
}

// A timer callback and a goroutine race to answer; the loser's send blocks.
func waitFor(wg *sync.WaitGroup, d time.Duration) bool {
	answer := make(chan bool)
	time.AfterFunc(d, func() {
		answer <- true
	})
	go func() { // want GL003 "2 goroutines \(lines 42, 45\) each send once on unbuffered `answer`, received only once \(line 49\): the other sends block forever; buffer it"
		wg.Wait()
		answer <- false
	}()
	return <-answer
}

// As many receives as senders: every send is taken.
func bothDone(a, b func()) {
	done := make(chan struct{})
	go func() {
		a()
		done <- struct{}{}
	}()
	go func() {
		b()
		done <- struct{}{}
	}()
	<-done
	<-done
}

// One sender may not send at all: the count says nothing.
func maybeDone(a func() bool, b func()) {
	done := make(chan struct{})
	go func() {
		if a() {
			done <- struct{}{}
		}
	}()
	go func() {
		b()
		done <- struct{}{}
	}()
	<-done
}

// The channel is closed too: its receivers see more than the sends.
func closedAfter(a, b func()) {
	done := make(chan struct{})
	go func() {
		a()
		done <- struct{}{}
	}()
	go func() {
		b()
		done <- struct{}{}
		close(done)
	}()
	<-done
}
