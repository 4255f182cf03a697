package fields

// Nothing in the package closes pool.jobs: the range never ends.
type pool struct {
	jobs chan func()
}

func newPool() *pool {
	p := &pool{jobs: make(chan func())}
	go func() { // want GL011:low "its range loop at line 11 has no return or break and nothing in the package closes field `jobs`; add a ctx.Done\(\) exit"
		for job := range p.jobs {
			job()
		}
	}()
	return p
}

func (p *pool) submit(job func()) {
	p.jobs <- job
}

func (p *pool) pending() int { return len(p.jobs) }

// A pool per batch: newPool runs again and again.
func runBatches(batches [][]func()) {
	for _, batch := range batches {
		p := newPool()
		for _, job := range batch {
			p.submit(job)
		}
	}
}

// queue.items is closed in close.go.
type queue struct {
	items chan int
}

func newQueue() *queue {
	q := &queue{items: make(chan int, 8)}
	go q.drain()
	return q
}

func (q *queue) drain() {
	for range q.items {
	}
}

// The channel comes from the caller, who may close it.
type relay struct {
	in chan string
}

func newRelay(in chan string) *relay {
	r := &relay{in: in}
	go func() {
		for s := range r.in {
			println(s)
		}
	}()
	return r
}

// An exported field: another package may close it.
type Feed struct {
	Events chan string
}

func newFeed() *Feed {
	f := &Feed{Events: make(chan string)}
	go func() {
		for e := range f.Events {
			println(e)
		}
	}()
	return f
}

// A slice field: the range ends.
type batch struct {
	items []int
}

func (b *batch) flush() {
	go func() {
		for range b.items {
		}
	}()
}
