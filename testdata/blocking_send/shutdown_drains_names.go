package fixtures

import "context"

// As pool (shutdown_drains.go), but the method every way out calls is this type's
// own stop, which does not receive: the `stop` of another type that drains a field
// of the same name does not run here.
type relayPool struct {
	results chan int
	control chan string
}

func (p *relayPool) report(n int) {
	p.results <- n // want GL003 "send on `p.results` blocks forever if its receiver \(line 28\) stops through `<-ctx.Done\(\)` at line 20"
}

func (p *relayPool) serve(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			p.stop()
			return ctx.Err()
		case msg := <-p.control:
			if msg == "stop" {
				p.stop()
				return nil
			}
		case n := <-p.results:
			_ = n
		}
	}
}

func (p *relayPool) stop() { close(p.control) }

type drainPool struct {
	results chan int
}

func (d *drainPool) stop() {
	for range d.results {
	}
}

// Here every way out calls this type's own stop, which keeps receiving until no
// report is pending: silent.
type drainingPool struct {
	results chan int
	pending int
}

func (p *drainingPool) report(n int) {
	p.results <- n
}

func (p *drainingPool) serve(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			p.stop()
			return ctx.Err()
		case n := <-p.results:
			_ = n
		}
	}
}

func (p *drainingPool) stop() {
	for p.pending > 0 {
		<-p.results
		p.pending--
	}
}
