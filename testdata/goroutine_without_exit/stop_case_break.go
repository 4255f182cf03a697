package fixtures

import "log"

type notifier struct {
	events chan string
	quit   chan int
}

// The goroutine's stop case breaks out of the select only: after Shutdown it keeps
// receiving events forever. Nothing here shows New called more than once, but the
// stop case states that the goroutine should end, and it does not.
func NewNotifier() *notifier {
	n := &notifier{events: make(chan string, 16), quit: make(chan int)}
	go n.run() // want GL011 "the `break` at line 23 leaves only the select, and its `for {}` loop at line 20 goes round again: return instead"
	return n
}

func (n *notifier) run() {
	for {
		select {
		case <-n.quit:
			break
		case e := <-n.events:
			log.Println(e)
		}
	}
}

func (n *notifier) ShutdownNotifier() { n.quit <- 1 }

type relay struct {
	in  chan *string
	out func(string)
}

// A break that ends a value case early (a nil value is skipped) is no stop case:
// the goroutine is meant to run as long as the relay, and nothing shows it started
// more than once.
func NewRelay(out func(string)) *relay {
	r := &relay{in: make(chan *string), out: out}
	go r.forward()
	return r
}

func (r *relay) forward() {
	for {
		select {
		case s := <-r.in:
			if s == nil {
				break
			}
			r.out(*s)
		}
	}
}
