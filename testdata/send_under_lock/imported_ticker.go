package fixtures

import (
	"sync"
	"time"

	"example.com/mod/clock"
)

// The flush loop receives from `ticker.C`, a value another package returns: it cannot
// be the queue's own `C`, so its taking the lock is no cycle; the queue's channel is
// the caller's (low).
type batchQueue struct {
	C  chan []int
	m  sync.Mutex
	q  []int
	dt time.Duration
}

func newBatchQueue(c chan []int, d time.Duration) *batchQueue {
	b := &batchQueue{C: c, dt: d}
	ticker := clock.NewTicker(d)
	go func() {
		for {
			<-ticker.C
			b.Flush()
		}
	}()
	return b
}

func (b *batchQueue) Flush() {
	b.m.Lock()
	defer b.m.Unlock()
	b.C <- b.q // want GL004:low "send on `b.C` under `b.m`"
	b.q = nil
}

// A flush loop that does receive the queue's own field and takes the lock between two
// receives: a cycle, shown.
type loopQueue struct {
	C chan []int
	m sync.Mutex
	q []int
}

func newLoopQueue(c chan []int) *loopQueue {
	l := &loopQueue{C: c}
	go func() {
		for {
			<-l.C
			l.Flush()
		}
	}()
	return l
}

func (l *loopQueue) Flush() {
	l.m.Lock()
	defer l.m.Unlock()
	l.C <- l.q // want GL004 "send on `l.C` under `l.m`"
	l.q = nil
}
