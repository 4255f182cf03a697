package fixtures

import (
	"errors"
	"time"
)

type advertiser struct {
	term   chan bool
	ticker *time.Ticker
}

func newAdvertiser() *advertiser {
	a := &advertiser{term: make(chan bool), ticker: time.NewTicker(time.Second)}
	go a.advertise()
	return a
}

// The first heartbeat gives up after a while, but its caller goes on receiving term.
func (a *advertiser) advertise() {
	if err := a.first(); err != nil {
		a.register()
	}
	for {
		select {
		case <-a.ticker.C:
			a.register()
		case <-a.term:
			return
		}
	}
}

func (a *advertiser) first() error {
	timeout := time.NewTimer(time.Minute)
	defer timeout.Stop()
	for {
		select {
		case <-timeout.C:
			return errors.New("timeout")
		case <-a.term:
			return errors.New("terminated")
		case <-a.ticker.C:
			a.register()
		}
	}
}

func (a *advertiser) register() {}

func (a *advertiser) Stop() {
	a.ticker.Stop()
	a.term <- true
}

type prober struct {
	quit chan bool
}

func newProber() *prober {
	p := &prober{quit: make(chan bool)}
	go p.run()
	return p
}

// Here the caller stops too when the probe gives up: nobody receives quit after that.
func (p *prober) run() {
	if err := p.probe(); err != nil {
		return
	}
	<-p.quit
}

func (p *prober) probe() error {
	for {
		select {
		case <-time.After(time.Minute):
			return errors.New("timeout")
		case <-p.quit:
			return nil
		}
	}
}

func (p *prober) Stop() {
	p.quit <- true // want GL003 "send on `p.quit` blocks forever if its receiver \(line 79\) stops through `<-time.After\(time.Minute\)` at line 77"
}
