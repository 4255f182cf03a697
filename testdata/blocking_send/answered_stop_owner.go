package fixtures

// A pump stops when its group stops: follow, a method of the package, sends the pump's
// own stop when it receives the group's stop, a field of the same name of another
// struct type. That send is no answer to a stop the pump took, but the package
// stopping the pump itself: a later push can block. Reported, and not as a use after
// Stop.
type pumpGroup struct {
	stop chan struct{}
}

type pump struct {
	group *pumpGroup
	in    chan int
	stop  chan struct{}
}

func (p *pump) run() {
	for {
		select {
		case v := <-p.in:
			_ = v
		case <-p.stop:
			return
		}
	}
}

func (p *pump) follow() {
	select {
	case <-p.group.stop:
		p.stop <- struct{}{}
	}
}

func (p *pump) Push(v int) {
	p.in <- v // want GL003 "if its receiver \(line \d+\) stops through `<-p.stop`"
}

func (p *pump) Stop() {
	p.stop <- struct{}{}
}
