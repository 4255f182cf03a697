package worker

// The same pump in production code: a late event blocks its sender for good.
type plugin struct {
	events chan string
	done   chan struct{}
	seen   []string
}

func newPlugin() *plugin {
	p := &plugin{events: make(chan string), done: make(chan struct{})}
	go p.pump()
	return p
}

func (p *plugin) pump() {
	for {
		select {
		case <-p.done:
			return
		case e := <-p.events:
			p.seen = append(p.seen, e)
		}
	}
}

func (p *plugin) Stop() { close(p.done) }

func (p *plugin) emit(e string) {
	p.events <- e // want GL003 "blocks forever if its receiver"
}
