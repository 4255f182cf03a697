package fixtures

import "sync"

type delta struct{ id int }

// The lock keeps the deltas in the order of the versions it guards; the select gives
// up on the same closeC that ends the receiver loop, which never takes vmu.
type session struct {
	vmu     sync.Mutex
	version int
	deltaCh chan *delta
	closeC  chan struct{}
}

func (s *session) setVersion(v int) {
	s.vmu.Lock()
	defer s.vmu.Unlock()
	select {
	case s.deltaCh <- &delta{id: s.version}:
	case <-s.closeC:
	}
	s.version = v
}

func (s *session) refLoop() {
	for {
		select {
		case d := <-s.deltaCh:
			_ = d
		case <-s.closeC:
			return
		}
	}
}

// Stop's quit handshake under the lock: the worker ends only on the quit it
// receives and never takes mu.
type reader struct {
	mu   sync.Mutex
	quit chan bool
	done chan bool
	tick chan int
}

func (r *reader) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.quit == nil {
		return
	}
	r.quit <- true
	<-r.done
	r.quit = nil
}

func (r *reader) run() {
	for {
		select {
		case <-r.tick:
			r.export()
		case <-r.quit:
			r.done <- true
			return
		}
	}
}

func (r *reader) export() {}

// The receiver loop stops on its own stop channel, which the send does not wait
// on: once it has stopped, the send waits forever with the lock held.
type notifier struct {
	mu     sync.Mutex
	events chan int
	stop   chan struct{}
}

func (n *notifier) publish(e int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.events <- e // want GL004 "send on `n.events` under `n.mu`"
}

func (n *notifier) loop() {
	for {
		select {
		case e := <-n.events:
			_ = e
		case <-n.stop:
			return
		}
	}
}

// The receiver handles each value through a method that takes the same lock: a send
// made while it handles the previous one deadlocks.
type registry struct {
	mu      sync.Mutex
	entries map[int]bool
	updates chan int
}

func (r *registry) update(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.updates <- id // want GL004 "send on `r.updates` under `r.mu`"
}

func (r *registry) watch() {
	for id := range r.updates {
		r.record(id)
	}
}

func (r *registry) record(id int) {
	r.mu.Lock()
	r.entries[id] = true
	r.mu.Unlock()
}

// The receiver loop leaves on a write error: the next send waits forever under mu.
type sink struct {
	mu    sync.Mutex
	lines chan string
}

func (s *sink) write(line string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lines <- line // want GL004 "send on `s.lines` under `s.mu`"
}

func (s *sink) drain(out func(string) error) {
	for line := range s.lines {
		if err := out(line); err != nil {
			return
		}
	}
}

// The worker stops its own timer, not the reader: `w.timer.Stop()` is not Stop.
type ticking struct {
	mu    sync.Mutex
	timer *timer
	quit  chan bool
}

type timer struct{ c chan int }

func (t *timer) Stop() {}

func (w *ticking) Stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.quit == nil {
		return
	}
	w.quit <- true
	w.quit = nil
}

func (w *ticking) run() {
	for {
		select {
		case <-w.timer.c:
		case <-w.quit:
			w.timer.Stop()
			return
		}
	}
}

type event struct{ name string }

type clusterConfig struct{ Events chan<- event }

// The events go into the package's own buffered stage, whose goroutine never takes
// memberMu: the lock keeps the events in the order of the members it guards, and the
// send waits only once the stage is a full buffer behind.
type cluster struct {
	memberMu sync.Mutex
	members  map[string]int
	config   *clusterConfig
}

type stream struct {
	in  chan event
	out chan<- event
}

func newStream(out chan<- event) (chan<- event, error) {
	in := make(chan event, 1024)
	s := &stream{in: in, out: out}
	go s.forward()
	return in, nil
}

func (s *stream) forward() {
	for e := range s.in {
		s.out <- e
	}
}

func newCluster(conf *clusterConfig) (*cluster, error) {
	in, err := newStream(conf.Events)
	if err != nil {
		return nil, err
	}
	conf.Events = in
	return &cluster{members: map[string]int{}, config: conf}, nil
}

func (c *cluster) join(name string) {
	c.memberMu.Lock()
	defer c.memberMu.Unlock()
	c.members[name]++
	if c.config.Events != nil {
		c.config.Events <- event{name: name}
	}
}

// A stage whose goroutine takes the same lock: the send under it can wait for a
// goroutine that waits for the lock.
type roster struct {
	mu      sync.Mutex
	names   []string
	updates chan<- string
}

func newUpdates(r *roster) chan<- string {
	in := make(chan string, 16)
	go func() {
		for name := range in {
			r.mu.Lock()
			r.names = append(r.names, name)
			r.mu.Unlock()
		}
	}()
	return in
}

func (r *roster) start() { r.updates = newUpdates(r) }

func (r *roster) add(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.updates <- name // want GL004:low "send on `r.updates` under `r.mu` \(locked at line 246, unlocked by the defer at line 247\) stalls other lockers until a receive; unlock first"
}
