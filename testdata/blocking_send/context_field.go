package fixtures

import (
	"context"
	"time"
)

// The poller keeps the context its maker was handed: whoever made it ends it, as a
// rule as the service or the process stops. A new interval sent after that blocks
// a caller whose cost rests on that (low).
type poller struct {
	stopCtx  context.Context
	interval chan time.Duration
}

func newPoller(stopCtx context.Context) *poller {
	p := &poller{stopCtx: stopCtx, interval: make(chan time.Duration)}
	go p.loop()
	return p
}

func (p *poller) loop() {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
		case <-p.stopCtx.Done():
			return
		case d := <-p.interval:
			tick.Reset(d)
		}
	}
}

func (p *poller) SetInterval(d time.Duration) {
	p.interval <- d // want GL003:low "blocks forever if its receiver"
}

// The same loop on a context the type makes and cancels itself, in Close: an interval
// sent after Close blocks for good while the process runs on.
type ownPoller struct {
	life     context.Context
	cancel   context.CancelFunc
	interval chan time.Duration
}

func newOwnPoller() *ownPoller {
	p := &ownPoller{interval: make(chan time.Duration)}
	p.life, p.cancel = context.WithCancel(context.Background())
	go p.loop()
	return p
}

func (p *ownPoller) loop() {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
		case <-p.life.Done():
			return
		case d := <-p.interval:
			tick.Reset(d)
		}
	}
}

func (p *ownPoller) Close() { p.cancel() }

func (p *ownPoller) SetInterval(d time.Duration) {
	p.interval <- d // want GL003 "blocks forever if its receiver"
}

var _, _ = newPoller, newOwnPoller
