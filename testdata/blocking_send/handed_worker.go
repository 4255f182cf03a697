package fixtures

import (
	"errors"
	"net"
	"time"
)

type acceptor interface {
	Accept(conn net.Conn, out chan net.Conn)
	Observe(done chan struct{})
	Deliver(conn net.Conn, out chan net.Conn, quit chan struct{})
}

type handoff struct {
	callbacks acceptor
}

// The goroutine runs a method this file does not show, handed the only reference to
// an unbuffered channel; once the select gives up, its send has nobody to take it.
func (h *handoff) adopt(conn net.Conn) (net.Conn, error) {
	ch := make(chan net.Conn)
	go h.callbacks.Accept(conn, ch) // want GL003 "`Accept` gets unbuffered `ch` to send on and blocks forever if its receiver \(line 25\) returns first; buffer it"
	select {
	case adopted := <-ch:
		return adopted, nil
	case <-time.After(3 * time.Second):
		return nil, errors.New("timed out")
	}
}

// With a buffer of one the send always completes.
func (h *handoff) adoptBuffered(conn net.Conn) (net.Conn, error) {
	ch := make(chan net.Conn, 1)
	go h.callbacks.Accept(conn, ch)
	select {
	case adopted := <-ch:
		return adopted, nil
	case <-time.After(3 * time.Second):
		return nil, errors.New("timed out")
	}
}

// The receive keeps no value: the goroutine may only close the channel, and a close
// never blocks.
func (h *handoff) observe() bool {
	done := make(chan struct{})
	go h.callbacks.Observe(done)
	select {
	case <-done:
		return true
	case <-time.After(time.Second):
		return false
	}
}

// The starter also hands the channel to a function it calls: someone else may receive.
func (h *handoff) adoptShared(conn net.Conn, share func(chan net.Conn)) (net.Conn, error) {
	ch := make(chan net.Conn)
	go h.callbacks.Accept(conn, ch)
	share(ch)
	select {
	case adopted := <-ch:
		return adopted, nil
	case <-time.After(3 * time.Second):
		return nil, errors.New("timed out")
	}
}

// A receive that waits as long as it takes.
func (h *handoff) adoptWaiting(conn net.Conn) net.Conn {
	ch := make(chan net.Conn)
	go h.callbacks.Accept(conn, ch)
	return <-ch
}

// The goroutine also gets the quit channel the receiver gives up on: it can give up too.
func (h *handoff) adoptUntil(conn net.Conn, quit chan struct{}) net.Conn {
	ch := make(chan net.Conn)
	go h.callbacks.Deliver(conn, ch, quit)
	select {
	case adopted := <-ch:
		return adopted
	case <-quit:
		return nil
	}
}

type configWatcher interface {
	WatchForChanges(updates chan string, errs chan error)
	StopWatching()
}

type configProcessor struct {
	client configWatcher
	done   chan struct{}
}

// The loop tells the watcher to stop before it leaves: whether the watcher's send
// then returns rests on what its code, not shown here, does (low).
func (p *configProcessor) listen(apply func(string)) {
	updates := make(chan string)
	errs := make(chan error)
	go p.client.WatchForChanges(updates, errs) // want GL003:low
	for {
		select {
		case <-p.done:
			p.client.StopWatching()
			return
		case err := <-errs:
			_ = err
		case u := <-updates:
			apply(u)
		}
	}
}

// The method the file shows answers only in a select with a way out, through a helper
// it hands the channel to: it never blocks for ever.
type confirmer struct {
	quit chan struct{}
}

func (c *confirmer) await(id int) (int, error) {
	confirmed := make(chan int)
	go c.waitConfirmation(id, confirmed)
	select {
	case height := <-confirmed:
		return height, nil
	case <-time.After(time.Minute):
		return 0, errors.New("timed out")
	}
}

func (c *confirmer) waitConfirmation(id int, out chan<- int) {
	defer close(out)
	if id < 0 {
		return
	}
	c.deliver(id, out)
}

func (c *confirmer) deliver(height int, out chan<- int) {
	select {
	case out <- height:
	case <-c.quit:
	}
}

// The shown method sends bare: left behind once the wait times out.
func (c *confirmer) awaitBare(id int) (int, error) {
	confirmed := make(chan int)
	go c.confirmBare(id, confirmed) // want GL003 "^`confirmBare` gets unbuffered `confirmed` to send on and blocks forever if its receiver \(line 155\) returns first; buffer it$"
	select {
	case height := <-confirmed:
		return height, nil
	case <-time.After(time.Minute):
		return 0, errors.New("timed out")
	}
}

func (c *confirmer) confirmBare(id int, out chan<- int) {
	c.deliverBare(id, out)
}

func (c *confirmer) deliverBare(height int, out chan<- int) {
	out <- height
}
