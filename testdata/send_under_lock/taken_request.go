package fixtures

import "sync"

type preview struct {
	view   string
	result chan string
}

// A previewer keeps one pending request: a new one discards the old, answering it
// with an empty result under the lock. The request was taken from the queue by that
// receive, so no worker answers it too: one send into its buffer of 1, then closed.
type previewer struct {
	mu      sync.Mutex
	pending chan *preview
	done    chan struct{}
}

func (p *previewer) worker() {
	for {
		select {
		case req := <-p.pending:
			req.result <- "rendered " + req.view
			close(req.result)
		case <-p.done:
			return
		}
	}
}

func (p *previewer) Ask(view string) chan string {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case old := <-p.pending:
		old.result <- ""
		close(old.result)
	default:
	}
	req := &preview{view: view, result: make(chan string, 1)}
	p.pending <- req
	return req.result
}

// Taken from the queue too, but not closed: another send may come on the same reply
// channel (a retry), and its buffer of 1 can be full.
func (p *previewer) Nudge() {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case old := <-p.pending:
		old.result <- "" // want GL004 "stalls other lockers until a receive once its buffer of 1 is full"
		p.pending <- old
	default:
	}
}
