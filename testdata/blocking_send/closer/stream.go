// Package closer holds types whose writer goroutine stops when their owner closes them.
package closer

import "io"

// Stream writes frames from a goroutine until its user calls Close; nothing in the
// package closes it. A Log after Close blocks: a use of the API after its own Close.
type Stream struct {
	w      io.Writer
	frames chan []byte
	closed chan struct{}
}

func NewStream(w io.Writer) *Stream {
	s := &Stream{w: w, frames: make(chan []byte), closed: make(chan struct{})}
	go s.loop()
	return s
}

func (s *Stream) loop() {
	for {
		select {
		case f := <-s.frames:
			s.w.Write(f)
		case <-s.closed:
			return
		}
	}
}

func (s *Stream) Log(f []byte) {
	s.frames <- f // want GL003:low "blocks forever if called after Stream.Close, which stops its receiver"
}

func (s *Stream) Close() error {
	close(s.closed)
	return nil
}

// Conn's writer closes the conn itself when a write fails: the peer that goes away
// stops it, with no call of the user's, and a later Send blocks.
type Conn struct {
	w      io.Writer
	out    chan []byte
	closed chan struct{}
}

func NewConn(w io.Writer) *Conn {
	c := &Conn{w: w, out: make(chan []byte), closed: make(chan struct{})}
	go c.writeLoop()
	return c
}

func (c *Conn) writeLoop() {
	defer c.Close()
	for {
		select {
		case b := <-c.out:
			if _, err := c.w.Write(b); err != nil {
				return
			}
		case <-c.closed:
			return
		}
	}
}

func (c *Conn) Send(b []byte) {
	c.out <- b // want GL003 "stops through `<-c.closed`"
}

func (c *Conn) Close() error {
	close(c.closed)
	return nil
}

// The package's own workers report through an unexported method: one that finishes
// after Stop blocks, with no misuse by the type's user.
type Group struct {
	results chan int
	stop    chan struct{}
}

func NewGroup() *Group {
	g := &Group{results: make(chan int), stop: make(chan struct{})}
	go g.collect()
	return g
}

func (g *Group) collect() {
	for {
		select {
		case n := <-g.results:
			_ = n
		case <-g.stop:
			return
		}
	}
}

func (g *Group) Go(f func() int) {
	go func() { g.report(f()) }()
}

func (g *Group) report(n int) {
	g.results <- n // want GL003 "stops through `<-g.stop`"
}

func (g *Group) Stop() { close(g.stop) }

// Tracer's sends are in an unexported helper that only its exported methods call.
type Tracer struct {
	spans chan string
	done  chan struct{}
}

func NewTracer() *Tracer {
	t := &Tracer{spans: make(chan string), done: make(chan struct{})}
	go t.export()
	return t
}

func (t *Tracer) export() {
	for {
		select {
		case s := <-t.spans:
			_ = s
		case <-t.done:
			return
		}
	}
}

func (t *Tracer) emit(s string) {
	t.spans <- s // want GL003:low "blocks forever if called after Tracer.Shutdown"
}

func (t *Tracer) Start(name string) { t.emit("start " + name) }

func (t *Tracer) End(name string) { t.emit("end " + name) }

func (t *Tracer) Shutdown() { close(t.done) }

// Recorder's sends are in an unexported helper that only exported methods call: its
// own, and Read of the body wrapper it hands out (the wrapper's user reads it). Both
// run only when the package's user calls them: a send after Close is a use after Close.
type Recorder struct {
	chunks chan []byte
	quit   chan struct{}
}

func NewRecorder() *Recorder {
	r := &Recorder{chunks: make(chan []byte), quit: make(chan struct{})}
	go r.loop()
	return r
}

func (r *Recorder) loop() {
	for {
		select {
		case f := <-r.chunks:
			_ = f
		case <-r.quit:
			return
		}
	}
}

func (r *Recorder) record(f []byte) {
	r.chunks <- f // want GL003:low "blocks forever if called after Recorder.Close"
}

func (r *Recorder) Record(f []byte) { r.record(f) }

func (r *Recorder) Wrap(body io.Reader) io.Reader { return &recordedBody{r: r, body: body} }

func (r *Recorder) Close() error {
	close(r.quit)
	return nil
}

type recordedBody struct {
	r    *Recorder
	body io.Reader
}

func (b *recordedBody) Read(p []byte) (int, error) {
	n, err := b.body.Read(p)
	b.r.record(p[:n])
	return n, err
}

// Meter's helper is also called by a worker of the package, which may still run after
// Close: the warning stays.
type Meter struct {
	samples chan int
	quit    chan struct{}
}

func NewMeter() *Meter {
	m := &Meter{samples: make(chan int), quit: make(chan struct{})}
	go m.loop()
	return m
}

func (m *Meter) loop() {
	for {
		select {
		case n := <-m.samples:
			_ = n
		case <-m.quit:
			return
		}
	}
}

func (m *Meter) sample(n int) {
	m.samples <- n // want GL003 "stops through `<-m.quit`"
}

func (m *Meter) Sample(n int) { m.sample(n) }

func (m *Meter) Close() error {
	close(m.quit)
	return nil
}

type poller struct{ m *Meter }

func (p *poller) run() {
	for i := 0; ; i++ {
		p.m.sample(i)
	}
}

func (m *Meter) Poll() { go (&poller{m: m}).run() }
