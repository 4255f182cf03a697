package check

// A fake plugin for the module's tests: its event pump stops on done, and a late
// event then blocks its sender until the test binary exits (low).
type fakePlugin struct {
	events chan string
	done   chan struct{}
	seen   []string
}

func newFakePlugin() *fakePlugin {
	p := &fakePlugin{events: make(chan string), done: make(chan struct{})}
	go p.pump()
	return p
}

func (p *fakePlugin) pump() {
	for {
		select {
		case <-p.done:
			return
		case e := <-p.events:
			p.seen = append(p.seen, e)
		}
	}
}

func (p *fakePlugin) Stop() { close(p.done) }

func (p *fakePlugin) emit(e string) {
	p.events <- e // want GL003:low "blocks forever if its receiver"
}
