package fixtures

import (
	"fmt"
	"time"
)

func stopLater(t *time.Ticker, d time.Duration) {
	time.Sleep(d)
	t.Stop()
}

func stoppedByHelper(d time.Duration) {
	t := time.NewTicker(d)
	<-t.C
	stopLater(t, d)
}

func printedOnly(d time.Duration) {
	t := time.NewTicker(d) // want GL010:low "ticker `t` from time.NewTicker is never stopped"
	fmt.Println(t)
	<-t.C
}

// A timer that fired through another name needs no Stop.
func firedThroughAlias(d time.Duration, done chan struct{}) bool {
	timer := time.NewTimer(d)
	timeout := timer.C
	select {
	case <-done:
		timer.Stop()
		return true
	case <-timeout:
		return false
	}
}

type poller struct {
	ticker *time.Ticker
}

func (p *poller) close() { p.ticker.Stop() }

// Kept by the poller on success: the advice is to stop it on the error path, not a
// defer in the constructor (which would stop the poller's ticker too).
func newPoller(d time.Duration, ready bool) (*poller, error) {
	t := time.NewTicker(d) // want GL010:low "ticker `t` from time.NewTicker is not stopped when the function returns at line 49, so it keeps firing; call t.Stop\(\) on those paths"
	if !ready {
		return nil, fmt.Errorf("not ready")
	}
	return &poller{ticker: t}, nil
}
