package lastsend

// A pool whose workers answer a stop message, which only Shutdown makes, and Shutdown
// receives the answers right after sending them: a worker reaches the send only once
// Shutdown is on its way to receive it. Silent.
type Pool struct {
	tasks chan *task
	acks  chan struct{}
	size  int
}

type task struct {
	op  string
	arg int
}

func NewPool(size int) *Pool {
	p := &Pool{tasks: make(chan *task), acks: make(chan struct{}), size: size}
	for i := 0; i < size; i++ {
		go p.work()
	}
	return p
}

func (p *Pool) Submit(arg int) { p.tasks <- &task{arg: arg} }

func (p *Pool) work() {
	for t := range p.tasks {
		if t.op == "stop" {
			p.acks <- struct{}{}
			return
		}
		_ = t.arg
	}
}

func (p *Pool) Shutdown() {
	for i := 0; i < p.size; i++ {
		p.tasks <- &task{op: "stop"}
	}
	for i := 0; i < p.size; i++ {
		<-p.acks
	}
}

// Here Pause makes the stop message too, and waits for no answer: a worker it stops
// waits for a call of Shutdown that may never come. Reported.
type Crew struct {
	jobs   chan *job
	halted chan struct{}
}

type job struct {
	kind string
}

func NewCrew() *Crew {
	c := &Crew{jobs: make(chan *job), halted: make(chan struct{})}
	go c.work()
	return c
}

func (c *Crew) work() {
	for j := range c.jobs {
		if j.kind == "halt" {
			c.halted <- struct{}{} // want GL003 "waits for a call of Crew.Shutdown to receive it"
			return
		}
	}
}

func (c *Crew) Pause() { c.jobs <- &job{kind: "halt"} }

func (c *Crew) Shutdown() {
	c.jobs <- &job{kind: "halt"}
	<-c.halted
}
