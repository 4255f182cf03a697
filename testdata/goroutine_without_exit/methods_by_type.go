package fixtures

// `go p.loop()` runs poller's loop, found by p's declared type although another
// type of the file has a method of the same name: its `for {}` never ends, and Close
// shows a poller's life can end before the process's.
type poller struct{ jobs chan job }

func (p *poller) loop() {
	for {
		j := <-p.jobs
		_ = handle(j)
	}
}

func (p *poller) Start() {
	go p.loop() // want GL011 "goroutine never returns: its `for {}` loop at line 9 \(in poller.loop\) blocks on `<-p.jobs` at line 10"
}

func (p *poller) Close() { closedPollers++ }

// The other loop ends when Close closes its channel: `go r.loop()` is silent.
type ranger struct{ jobs chan job }

func (r *ranger) loop() {
	for j := range r.jobs {
		_ = handle(j)
	}
}

func (r *ranger) Start() {
	go r.loop()
}

func (r *ranger) Close() { close(r.jobs) }

var closedPollers int
