package closer

// Hub's loop is a plain function that its own method hands the hub's channels: it
// stops on the hub's quit, which only Close closes (out is for the hub's reader). Remove
// races the stop, so a bare send after Close is the gap the package itself guards
// against elsewhere.
type Hub struct {
	in   chan int
	out  chan int
	quit chan struct{}
}

func NewHub() *Hub {
	h := &Hub{in: make(chan int), out: make(chan int), quit: make(chan struct{})}
	go h.relay()
	return h
}

func relay(in <-chan int, out chan<- int, quit <-chan struct{}) {
	for {
		select {
		case n, ok := <-in:
			if !ok {
				return
			}
			_ = n
		case <-quit:
			return
		}
	}
}

func (h *Hub) relay() {
	relay(h.in, h.out, h.quit)
}

func (h *Hub) Add(n int) {
	h.in <- n // want GL003 "blocks forever if called after Hub.Close, which stops its receiver"
}

func (h *Hub) Remove(n int) {
	select {
	case h.in <- -n:
	case <-h.quit:
	}
}

func (h *Hub) Close() { close(h.quit) }

// Pump's loop function is also run with a stop channel that no Pump owns: its
// parameter is not the pump's field, and the send keeps the warning.
type Pump struct {
	in   chan int
	done chan struct{}
}

func NewPump() *Pump {
	p := &Pump{in: make(chan int), done: make(chan struct{})}
	go p.run()
	return p
}

func pump(in <-chan int, quit <-chan struct{}) {
	for {
		select {
		case n := <-in:
			_ = n
		case <-quit:
			return
		}
	}
}

func (p *Pump) run() { pump(p.in, p.done) }

func (p *Pump) Put(n int) {
	p.in <- n // want GL003 "stops through `<-quit`"
}

func (p *Pump) Close() { close(p.done) }

func drainOnce(in chan int) {
	stop := make(chan struct{})
	go pump(in, stop)
	close(stop)
}

// feed is stopped by the package's own teardown of its server, which nothing runs
// again (a loop calls it, and leaves): a send after it blocks only as the program ends.
type feed struct {
	items chan string
	quit  chan struct{}
}

func feedLoop(items <-chan string, quit <-chan struct{}) {
	for {
		select {
		case s := <-items:
			_ = s
		case <-quit:
			return
		}
	}
}

func (f *feed) loop() { feedLoop(f.items, f.quit) }

func (f *feed) Push(s string) {
	f.items <- s // want GL003:low "blocks forever if called after feed.Shutdown"
}

func (f *feed) Pull(s string) {
	select {
	case f.items <- s:
	case <-f.quit:
	}
}

func (f *feed) Shutdown() { close(f.quit) }

type feedServer struct{ f *feed }

func (s *feedServer) Stop() { s.f.Shutdown() }

// stopAfter's loop stops the server once, and leaves right after.
func stopAfter(s *feedServer, done <-chan struct{}, tick <-chan struct{}) {
out:
	for {
		select {
		case <-done:
			s.Stop()
			break out
		case <-tick:
		}
	}
}

// ring's teardown runs again, once per turn of an endless loop: a send after it
// leaves one goroutine behind per turn, and the note stays shown.
type ring struct {
	lines chan string
	stop  chan struct{}
}

func ringLoop(lines <-chan string, stop <-chan struct{}) {
	for {
		select {
		case s := <-lines:
			_ = s
		case <-stop:
			return
		}
	}
}

func (r *ring) loop() { ringLoop(r.lines, r.stop) }

func (r *ring) Push(s string) {
	r.lines <- s // want GL003 "blocks forever if called after ring.Shutdown"
}

func (r *ring) Pull(s string) {
	select {
	case r.lines <- s:
	case <-r.stop:
	}
}

func (r *ring) Shutdown() { close(r.stop) }

type ringServer struct{ r *ring }

func (s *ringServer) Stop() { s.r.Shutdown() }

func cycle() {
	for {
		r := &ring{lines: make(chan string), stop: make(chan struct{})}
		go r.loop()
		s := &ringServer{r: r}
		s.Stop()
	}
}
