package positional

// A channel made by position in a struct literal: the field is not named, so any field
// of the package may be made there (give, in send.go, sends on one).
type stage struct {
	name  string
	jobs  chan string
	ready chan struct{}
}

func newStage() *stage {
	return &stage{"stage", make(chan string), make(chan struct{})}
}

func (p *stage) run(use func(string)) {
	for {
		select {
		case j := <-p.jobs:
			use(j)
		case <-p.ready:
			return
		}
	}
}

func (p *stage) stop() { close(p.ready) }
