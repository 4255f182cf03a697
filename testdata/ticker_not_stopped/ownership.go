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
	t := time.NewTicker(d) // want GL010 "ticker `t` from time.NewTicker is never stopped"
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
