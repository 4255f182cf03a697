package fixtures

import "sync"

// The planner sends to its loop only holding mu and only while running is true; Stop
// sends the stop and clears running in one critical section of the same mutex, so a
// sender that sees running comes before the stop: the loop is still there to receive.
type planner struct {
	mu        sync.Mutex
	running   bool
	additions chan int
	removals  chan int
	listings  chan chan []int
	planEnd   chan struct{}
	items     []int
}

func (p *planner) run() {
	for {
		for {
			select {
			case n := <-p.additions:
				p.items = append(p.items, n)
			case n := <-p.removals:
				p.drop(n)
			case reply := <-p.listings:
				reply <- p.items
				continue
			case <-p.planEnd:
				return
			}
			break
		}
	}
}

func (p *planner) drop(n int) {
	for i, item := range p.items {
		if item == n {
			p.items = append(p.items[:i], p.items[i+1:]...)
			return
		}
	}
}

func (p *planner) Start() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running {
		return
	}
	p.running = true
	go p.run()
}

func (p *planner) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.running {
		p.items = append(p.items, n)
	} else {
		p.additions <- n
	}
}

func (p *planner) Remove(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running {
		p.removals <- n
	}
}

func (p *planner) List() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.running {
		return p.items
	}
	reply := make(chan []int, 1)
	p.listings <- reply
	return <-reply
}

func (p *planner) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running {
		p.planEnd <- struct{}{}
		p.running = false
	}
}

// The lockedQueue's Stop clears the flag only after letting the lock go: a sender can take
// the lock between the stop and the clearing, see the flag still set and send to a
// loop that has left. Its Push tests the flag without the lock at all.
type lockedQueue struct {
	mu       sync.Mutex
	running  bool
	puts     chan int
	pushes   chan int
	queueEnd chan struct{}
}

func (q *lockedQueue) run() {
	for {
		select {
		case n := <-q.puts:
			_ = n
		case n := <-q.pushes:
			_ = n
		case <-q.queueEnd:
			return
		}
	}
}

func (q *lockedQueue) Put(n int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.running {
		q.puts <- n // want GL003:low "send on `q.puts` blocks forever if called after lockedQueue.Stop"
	}
}

func (q *lockedQueue) Push(n int) {
	if q.running {
		q.pushes <- n // want GL003:low "send on `q.pushes` blocks forever if called after lockedQueue.Stop"
	}
}

func (q *lockedQueue) Stop() {
	q.mu.Lock()
	q.queueEnd <- struct{}{}
	q.mu.Unlock()
	q.mu.Lock()
	q.running = false
	q.mu.Unlock()
}
