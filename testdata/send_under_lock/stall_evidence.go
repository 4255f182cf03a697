package fixtures

import (
	"context"
	"errors"
	"sync"
)

// A send under a lock is shown when the code shows that it can wait for good: its
// receiver takes the same lock between two receives (a lock cycle), its receiver can
// stop receiving while senders still come, or nobody in the file receives and an
// unsubscribe closes the channel under the write side of the lock. Otherwise the stall
// rests on a receiver the code does not show: a finding of low confidence.

// A lock cycle: the receiver loop takes the mutex for every value it handles.
type evCache struct {
	mu      sync.Mutex
	entries map[string]int
	updates chan string
}

func newEvCache() *evCache {
	c := &evCache{entries: map[string]int{}, updates: make(chan string)}
	go c.apply()
	return c
}

func (c *evCache) apply() {
	for key := range c.updates {
		c.mu.Lock()
		c.entries[key]++
		c.mu.Unlock()
	}
}

func (c *evCache) Touch(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.updates <- key // want GL004 "^send on `c.updates` under `c.mu` .* stalls other lockers until a receive; unlock first$"
}

// A lock cycle after a one-shot receive: each call takes one value, then the lock.
type evStatus struct {
	mu      sync.RWMutex
	pending chan bool
}

func newEvStatus() *evStatus {
	return &evStatus{pending: make(chan bool)}
}

func (s *evStatus) syncOne() {
	<-s.pending
	s.forget()
}

func (s *evStatus) forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
}

func (s *evStatus) Set() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending <- true // want GL004 "send on `s.pending` under `s.mu`"
}

// Under a read lock, a receiver that takes only the read side is no cycle.
func (s *evStatus) peek() {
	<-s.pending
	s.mu.RLock()
	defer s.mu.RUnlock()
}

type evPeeker struct {
	mu   sync.RWMutex
	seen chan int
}

func newEvPeeker() *evPeeker {
	return &evPeeker{seen: make(chan int)}
}

func (p *evPeeker) watch() {
	for v := range p.seen {
		p.mu.RLock()
		_ = v
		p.mu.RUnlock()
	}
}

func (p *evPeeker) Report(v int) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	p.seen <- v // want GL004:low "send on `p.seen` under `p.mu`"
}

// The receiver can stop: it returns on a write error, and the senders go on.
type evWriter struct {
	mu  sync.Mutex
	out chan []byte
}

func newEvWriter(w func([]byte) error) *evWriter {
	x := &evWriter{out: make(chan []byte)}
	go x.loop(w)
	return x
}

func (x *evWriter) loop(w func([]byte) error) {
	for b := range x.out {
		if err := w(b); err != nil {
			return
		}
	}
}

func (x *evWriter) Write(b []byte) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.out <- b // want GL004 "send on `x.out` under `x.mu`"
}

// The receiver can stop: its one select takes the context's end first, and the
// result is handed through a parameter, two calls down.
type evUpgrade struct {
	mu sync.Mutex
}

type evResult struct {
	err error
}

func (u *evUpgrade) Run(ctx context.Context) error {
	results := make(chan evResult)
	go u.release(results)
	select {
	case r := <-results:
		return r.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (u *evUpgrade) release(c chan<- evResult) {
	u.report(c, nil)
}

func (u *evUpgrade) report(c chan<- evResult, err error) {
	u.mu.Lock()
	c <- evResult{err: err} // want GL004 "send on `c` under `u.mu`"
	u.mu.Unlock()
}

// The same wait on a reply channel with a buffer: the value stays in the buffer when
// the caller gives up, and one send per request never waits: silent.
func (u *evUpgrade) RunBuffered(ctx context.Context) error {
	results := make(chan evResult, 1)
	go u.releaseBuffered(results)
	select {
	case r := <-results:
		return r.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (u *evUpgrade) releaseBuffered(c chan<- evResult) {
	u.mu.Lock()
	defer u.mu.Unlock()
	c <- evResult{}
}

// A one-shot receiver that gives up on a long-lived buffered field: the buffer holds
// what it left, and whether it fills rests on what the code does not show.
type evIter struct {
	mu    sync.Mutex
	items chan int
}

func newEvIter() *evIter {
	it := &evIter{items: make(chan int, 1)}
	go it.fill()
	return it
}

func (it *evIter) Next(ctx context.Context) (int, error) {
	select {
	case v := <-it.items:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func (it *evIter) fill() {
	it.mu.Lock()
	defer it.mu.Unlock()
	for i := 0; ; i++ {
		it.items <- i // want GL004:low "send on `it.items` under `it.mu` .*buffer 1"
	}
}

// Handed out, and closed by the unsubscribe under the write lock: a subscriber leaves
// through Unsubscribe, which waits for the lock the blocked sender holds.
type evHub struct {
	mu   sync.RWMutex
	subs map[string]chan int
}

func (h *evHub) Subscribe(name string) (<-chan int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[name]; ok {
		return nil, errors.New("already subscribed")
	}
	ch := make(chan int)
	h.subs[name] = ch
	return ch, nil
}

func (h *evHub) Unsubscribe(name string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if ch, ok := h.subs[name]; ok {
		delete(h.subs, name)
		close(ch)
	}
}

func (h *evHub) Publish(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, ch := range h.subs {
		ch <- v // want GL004 "^send on `ch` under `h.mu` .*stalls writers until a receive; `close\(ch\)` at line \d+ needs the lock too: give the send a done case$"
	}
}

// Callers' channels broadcast under the lock: their receivers are not in the code.
type evListeners struct {
	mu        sync.Mutex
	listeners []chan int
}

func (l *evListeners) Listen(ch chan int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.listeners = append(l.listeners, ch)
}

func (l *evListeners) Emit(v int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, ch := range l.listeners {
		ch <- v // want GL004:low "send on `ch` under `l.mu`"
	}
}

// The sender closes the channel itself right after its send: no unsubscribe waits for
// the lock, and the channel (and its receiver) comes from elsewhere.
type evPauser interface {
	Pause() chan<- struct{}
}

type evToggle struct {
	mu      sync.Mutex
	resumed chan<- struct{}
	source  evPauser
}

func (t *evToggle) Resume() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.resumed != nil {
		t.resumed <- struct{}{} // want GL004:low "send on `t.resumed` under `t.mu`"
		close(t.resumed)
		t.resumed = nil
	}
}

func (t *evToggle) Pause() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.resumed = t.source.Pause()
}

// A receiver through an accessor: `range b.Updates()` ranges over the field, and the
// loop takes the lock for each value.
type evBalancer struct {
	mu     sync.Mutex
	notify chan []string
	addrs  []string
}

func newEvBalancer() *evBalancer {
	b := &evBalancer{notify: make(chan []string)}
	go b.watch()
	return b
}

func (b *evBalancer) Updates() <-chan []string { return b.notify }

func (b *evBalancer) watch() {
	for addrs := range b.Updates() {
		b.mu.Lock()
		b.addrs = addrs
		b.mu.Unlock()
	}
}

func (b *evBalancer) Pin(addr string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.notify <- []string{addr} // want GL004 "send on `b.notify` under `b.mu`"
}

// Each worker brings its own buffer of one and leaves the registry before its one
// send: the loop never sends twice into the same buffer, so no send waits: silent.
type evWorker struct {
	task chan string
}

type evQueue struct {
	mu      sync.Mutex
	workers map[*evWorker]bool
	pending []string
}

func (q *evQueue) Poll(ctx context.Context) (string, error) {
	w := &evWorker{task: make(chan string, 1)}
	q.mu.Lock()
	q.workers[w] = true
	q.mu.Unlock()
	select {
	case t := <-w.task:
		return t, nil
	case <-ctx.Done():
		q.mu.Lock()
		delete(q.workers, w)
		q.mu.Unlock()
		return "", ctx.Err()
	}
}

func (q *evQueue) next() *evWorker {
	for w := range q.workers {
		return w
	}
	return nil
}

func (q *evQueue) assign() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for w := q.next(); w != nil && len(q.pending) > 0; w = q.next() {
		delete(q.workers, w)
		w.task <- q.pending[0]
		q.pending = q.pending[1:]
	}
}

// The receiver stops when the tasks end, but the sender is a goroutine of its own that
// nobody waits for: what the lock stalls is not shown.
type evFanout struct {
	mu    sync.Mutex
	chans []chan int
	tasks chan int
}

func (f *evFanout) start() {
	ch := make(chan int)
	f.mu.Lock()
	f.chans = append(f.chans, ch)
	f.mu.Unlock()
	go f.consume(ch)
}

func (f *evFanout) consume(events chan int) {
	for {
		select {
		case _, ok := <-f.tasks:
			if !ok {
				return
			}
		case <-events:
		}
	}
}

func (f *evFanout) Broadcast(v int) {
	go func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, ch := range f.chans {
			ch <- v // want GL004:low "send on `ch` under `f.mu`"
		}
	}()
}

// The writer returns on a write error, but closes the channel on its way out: a
// sender then ends with that close rather than waiting.
type evConn struct {
	once  sync.Once
	write chan []byte
}

func (c *evConn) closeWrite() {
	c.once.Do(func() { close(c.write) })
}

func (c *evConn) writer(w func([]byte) error) {
	defer c.closeWrite()
	for b := range c.write {
		if err := w(b); err != nil {
			return
		}
	}
}

type evStream struct {
	mu    sync.RWMutex
	conns []*evConn
}

func (s *evStream) Notify(b []byte) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, c := range s.conns {
		c.write <- b // want GL004:low "send on `c.write` under `s.mu`"
	}
}
