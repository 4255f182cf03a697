package fixtures

import "context"

type ticket struct {
	settled chan error
}

type desk struct {
	queue chan *ticket
}

func (d *desk) serve() {
	for t := range d.queue {
		t.settled <- nil
	}
}

// On cancel the case hands the ticket to settleLater, whose goroutine still takes its
// reply: the server's send is received either way. Silent.
func (d *desk) submit(ctx context.Context) error {
	t := ticket{settled: make(chan error)}
	d.queue <- &t
	for {
		select {
		case err := <-t.settled:
			return err
		case <-ctx.Done():
			d.settleLater(&t)
			return ctx.Err()
		}
	}
}

func (d *desk) settleLater(t *ticket) {
	go func() {
		<-t.settled
	}()
}

type voucher struct {
	cleared chan error
}

type counter struct {
	queue chan *voucher
}

func (c *counter) serve() {
	for v := range c.queue {
		v.cleared <- nil // want GL003
	}
}

// On cancel the case hands the voucher to a function that does not receive its reply.
func (c *counter) submit(ctx context.Context) error {
	v := voucher{cleared: make(chan error)}
	c.queue <- &v
	for {
		select {
		case err := <-v.cleared:
			return err
		case <-ctx.Done():
			c.note(&v)
			return ctx.Err()
		}
	}
}

func (c *counter) note(v *voucher) { _ = v }
