package fixtures

import (
	"context"
	"io"
	"time"
)

type record struct{ line string }

// The incident: every request's record goes to w.rec; the writer goroutine returns on
// the first write error and the requests pile up on the send.
type logWriter struct {
	rec  chan record
	out  io.Writer
	done chan struct{}
}

func newLogWriter(out io.Writer) *logWriter {
	w := &logWriter{rec: make(chan record), out: out, done: make(chan struct{})}
	go w.loop()
	return w
}

func (w *logWriter) loop() {
	for {
		r := <-w.rec
		if _, err := io.WriteString(w.out, r.line); err != nil {
			return
		}
	}
}

func (w *logWriter) Log(r record) {
	w.rec <- r // want GL003 "send on `w.rec` blocks forever if its receiver \(line 27\) leaves at line 29"
}

// Select with a default: drop the record instead of waiting.
func (w *logWriter) TryLog(r record) {
	select {
	case w.rec <- r:
	default:
	}
}

// Select with ctx.Done: the caller can give up.
func (w *logWriter) LogContext(ctx context.Context, r record) error {
	select {
	case w.rec <- r:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Select with a timer.
func (w *logWriter) LogTimeout(r record) bool {
	select {
	case w.rec <- r:
		return true
	case <-time.After(time.Second):
		return false
	}
}

// The receiver loop stops through a done channel that only the exported Stop closes: a
// bare send after that blocks, a use of the type after its own Stop (a note, low: no
// send of the package races that stop).
type batcher struct {
	in    chan int
	flush chan struct{}
	stop  chan struct{}
}

func (b *batcher) run() {
	var batch []int
	for {
		select {
		case v := <-b.in:
			batch = append(batch, v)
		case <-b.flush:
			batch = batch[:0]
		case <-b.stop:
			return
		}
	}
}

func (b *batcher) Add(v int) {
	b.in <- v // want GL003:low "if called after batcher.Stop, which stops its receiver \(line \d+\) through `<-b.stop` at line \d+"
}

func (b *batcher) Flush() {
	b.flush <- struct{}{} // want GL003:low "`b.flush`"
}

// The stop signal itself is what the loop waits for: it is received, then the loop ends.
func (b *batcher) Stop() {
	b.stop <- struct{}{}
}

// A receiver loop that cannot end (range until close, for {} without exit): silent.
type server struct {
	requests chan string
	results  chan int
}

func (s *server) serve() {
	for req := range s.requests {
		_ = req
	}
}

func (s *server) collect() {
	for {
		r := <-s.results
		_ = r
	}
}

func (s *server) Submit(req string) { s.requests <- req }

func (s *server) Report(n int) { s.results <- n }

// A loop that ends because of the value it got (closed channel, nil sentinel): the
// sender is what ends it, silent.
type pump struct {
	items chan *record
}

func (p *pump) drain() {
	for {
		r, ok := <-p.items
		if !ok || r == nil {
			return
		}
	}
}

func (p *pump) Push(r *record) { p.items <- r }

// A field made with a buffer in this file: a full buffer blocks too, but buffered
// fields are used as queues and semaphores on purpose, so they are left alone.
type queue struct {
	jobs chan int
	quit chan struct{}
}

func newQueue() *queue {
	return &queue{jobs: make(chan int, 8), quit: make(chan struct{})}
}

func (q *queue) work() {
	for {
		select {
		case <-q.jobs:
		case <-q.quit:
			return
		}
	}
}

func (q *queue) Put(j int) { q.jobs <- j }

// The coordinator leaves only once every worker has said it stopped: no sender is left.
type coordinator struct {
	outcomes chan int
	stopped  chan error
}

func (c *coordinator) loop(workers int) {
	for {
		select {
		case r := <-c.outcomes:
			_ = r
		case <-c.stopped:
			workers--
			if workers == 0 {
				return
			}
		}
	}
}

func (c *coordinator) report(r int) { c.outcomes <- r }

// A drain: takes what is pending and leaves through default; Record waits for it.
type recorder struct {
	actions chan string
}

func (r *recorder) Record(a string) { r.actions <- a }

func (r *recorder) Actions() (all []string) {
	for {
		select {
		case a := <-r.actions:
			all = append(all, a)
		default:
			return all
		}
	}
}
