package samefield

type watcher struct {
	reply chan int
}

// watch loops on a watcher's reply until the board's quit: a receiver of
// watcher.reply, not of task.reply.
func (b *board) watch(add func(int)) {
	w := &watcher{reply: make(chan int)}
	go b.feed(w)
	for {
		select {
		case <-b.quit:
			return
		case n := <-w.reply:
			add(n)
		}
	}
}

func (b *board) feed(w *watcher) {
	for i := 0; i < 3; i++ {
		select {
		case w.reply <- i:
		case <-b.quit:
			return
		}
	}
}

func (b *board) await(add func(int)) {
	o := &order{reply: make(chan int)}
	go b.fill(o, 1)
	for {
		select {
		case <-b.quit:
			return
		case n := <-o.reply:
			add(n)
		}
	}
}

func (b *board) stop() { close(b.quit) }

type core struct {
	sig chan struct{}
}

func newCore() *core { return &core{sig: make(chan struct{})} }

func (b *board) flush(c *core, do func()) {
	for {
		select {
		case <-b.quit:
			return
		case <-c.sig:
			do()
		}
	}
}

type hub struct {
	feed chan int
}

func newHub() *hub { return &hub{feed: make(chan int)} }

func (h *hub) joined(m *member) { m.feed = h.feed }

func (b *board) relay(h *hub, out func(int)) {
	for {
		select {
		case <-b.quit:
			return
		case n := <-h.feed:
			out(n)
		}
	}
}

type lane struct {
	queue chan int
}

func newRoute() (*router, *lane) {
	r := &router{queue: make(chan int)}
	return r, &lane{r.queue}
}

func (b *board) drive(l *lane, out func(int)) {
	for {
		select {
		case <-b.quit:
			return
		case n := <-l.queue:
			out(n)
		}
	}
}
