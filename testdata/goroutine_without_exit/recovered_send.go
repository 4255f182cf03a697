package fixtures

import "time"

// Warmers send on a channel that Close closes; each recovers, so the send that the
// close makes panic ends it. Silent.
type warmPool struct {
	ready chan int
}

func (p *warmPool) Close() {
	close(p.ready)
}

func (p *warmPool) Start(n int) {
	p.ready = make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) {
			defer func() { recover() }()
			for {
				time.Sleep(time.Millisecond)
				p.ready <- i
			}
		}(i)
	}
}

// The same without a recover: the close makes the send panic and the process crashes,
// and until then the goroutine blocks. Reported.
type coldPool struct {
	ready chan int
}

func (p *coldPool) Close() {
	close(p.ready)
}

func (p *coldPool) Start(n int) {
	p.ready = make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) { // want GL011 "blocks on the send to `p.ready` at line 44 once nobody receives"
			for {
				time.Sleep(time.Millisecond)
				p.ready <- i
			}
		}(i)
	}
}

// A recover, but Close swaps the channel instead of closing it: the old senders
// block for ever. Reported.
type stuckPool struct {
	ready chan int
}

func (p *stuckPool) Close() {
	p.ready = make(chan int)
}

func (p *stuckPool) Start(n int) {
	p.ready = make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) { // want GL011 "blocks on the send to `p.ready` at line 67 once nobody receives"
			defer func() { recover() }()
			for {
				time.Sleep(time.Millisecond)
				p.ready <- i
			}
		}(i)
	}
}
