package fixtures

import (
	"context"
	"sync"
)

// Close sends its wake-up inside a sync.Once: once per listener, and the buffer of
// one holds it even when the receiver has stopped.
type zkListener struct {
	closeOnce sync.Once
	closing   chan struct{}
	wakeup    chan struct{}
	events    chan int
}

func newZkListener() *zkListener {
	return &zkListener{closing: make(chan struct{}, 1), wakeup: make(chan struct{}, 1), events: make(chan int)}
}

func (l *zkListener) Next(ctx context.Context) (int, bool) {
	for {
		select {
		case <-l.closing:
			return 0, false
		case <-l.wakeup:
		case <-ctx.Done():
			return 0, false
		case v := <-l.events:
			return v, true
		}
	}
}

func (l *zkListener) Close() {
	l.closeOnce.Do(func() {
		l.closing <- struct{}{}
	})
}

// A wake-up outside the Once: every call sends one, and the second fills the buffer.
func (l *zkListener) Poke() {
	var once sync.Once
	for i := 0; i < 2; i++ {
		once.Do(func() {})
		l.wakeup <- struct{}{} // want GL003 "^send on `l.wakeup` blocks forever once its buffer \(1, line 18\) fills if its receiver \(line 26\) stops through `<-l.closing` at line 24; select on a done channel$"
	}
}
