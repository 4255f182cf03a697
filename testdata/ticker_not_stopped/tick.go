package fixtures

import (
	"context"
	"errors"
	"time"
)

func check() {}

func deferredStop(ctx context.Context) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			check()
		}
	}
}

func neverStopped(ctx context.Context) error {
	t := time.NewTicker(time.Second) // want GL010:low "ticker `t` from time.NewTicker is never stopped"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			check()
		}
	}
}

func stoppedOnOnePath(ctx context.Context, done <-chan struct{}) error {
	t := time.NewTicker(time.Second) // want GL010:low "stopped on some paths but not when the loop returns at line"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-done:
			t.Stop()
			return nil
		case <-t.C:
			check()
		}
	}
}

func stoppedInDeferredClosure(n int) {
	t := time.NewTicker(time.Millisecond)
	defer func() {
		t.Stop()
	}()
	for i := 0; i < n; i++ {
		<-t.C
	}
}

// A timer that fired needs no Stop; the other case stops it.
func timerSelect(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	select {
	case <-ctx.Done():
		timer.Stop()
		return ctx.Err()
	case <-timer.C:
		return errors.New("timeout")
	}
}

// The other case returns with the timer still pending: it fires once and is gone,
// one per call at most.
func timerLeftPending(done <-chan struct{}, d time.Duration) error {
	timer := time.NewTimer(d)
	select {
	case <-done:
		return nil
	case <-timer.C:
		return errors.New("timeout")
	}
}

// Reset in a loop, stopped by defer.
func timerReset(events <-chan int, d time.Duration) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case e, ok := <-events:
			if !ok {
				return
			}
			if e > 0 {
				timer.Reset(d)
			}
		case <-timer.C:
			check()
		}
	}
}

type poller struct {
	ticker *time.Ticker
	timer  *time.Timer
}

// Stored in a struct: the owner stops it.
func (p *poller) start(d time.Duration) {
	t := time.NewTimer(d)
	p.timer = t
	p.ticker = time.NewTicker(d)
}

func returned(d time.Duration) *time.Ticker {
	t := time.NewTicker(d)
	return t
}

func capturedByGoroutine(d time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(d)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				check()
			}
		}
	}()
}

// The ticker in the shadowing block is stopped, the outer one is not.
func shadowed(d time.Duration) {
	t := time.NewTicker(d) // want GL010:low "never stopped"
	<-t.C
	{
		t := time.NewTicker(2 * d)
		defer t.Stop()
		<-t.C
	}
}

// time.Tick in a function that returns: one leaked ticker per call.
func tickInLoop(ctx context.Context) error {
	for range time.Tick(time.Second) { // want GL010:low "time.Tick's ticker can never be stopped"
		if ctx.Err() != nil {
			return ctx.Err()
		}
		check()
	}
	return nil
}

func tickInSelect(ctx context.Context) error {
	tick := time.Tick(time.Second) // want GL010:low "time.Tick"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick:
			check()
		}
	}
}

// A function that never returns may use time.Tick.
func forever() {
	for range time.Tick(time.Minute) {
		check()
	}
}

func foreverSelect(events <-chan int) {
	tick := time.Tick(time.Second)
	for {
		select {
		case <-tick:
			check()
		case e := <-events:
			_ = e
		}
	}
}

// A break leaves the endless loop: the function returns.
func breaksOut(events <-chan int) {
	tick := time.Tick(time.Second) // want GL010:low "time.Tick"
loop:
	for {
		select {
		case <-tick:
			check()
		case _, ok := <-events:
			if !ok {
				break loop
			}
		}
	}
}

func main() {
	go func() {
		for range time.Tick(time.Second) {
			check()
		}
	}()
	for now := range time.Tick(time.Hour) {
		_ = now
	}
}

var heartbeat = time.Tick(time.Minute)

// The timer's Stop goes to the caller as a method value.
func timerParts(d time.Duration) (<-chan time.Time, func() bool) {
	timer := time.NewTimer(d)
	return timer.C, timer.Stop
}

// Re-armed in the loop of a long-lived worker: left alone.
func cleaner(stop <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			check()
			t.Reset(d)
		}
	}
}

// A wrapper of the time API hands the decision to its caller.
type clock struct{}

func (clock) Tick(d time.Duration) <-chan time.Time { return time.Tick(d) }

// A ticker never bound to a name cannot be stopped either: one per iteration here.
func inlineTicker(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.NewTicker(time.Second).C: // want GL010 "a ticker never bound to a name can never be stopped"
			check()
		}
	}
}

// Only the channel is kept: the ticker must be kept too, to be stopped when the
// listener is done (a deferred Stop here would end the broadcasts).
type listener struct{ tick <-chan time.Time }

func newListener() *listener {
	return &listener{tick: time.NewTicker(time.Minute).C} // want GL010:low "a ticker never bound to a name can never be stopped and this function returns, so each call leaks a ticker; keep the \*time.Ticker and Stop it when done"
}

func foreverInline() {
	for range time.NewTicker(time.Minute).C {
		check()
	}
}

// `for range t.C` never ends by itself: the only way out stops the ticker.
func rangeOverTicker(d time.Duration, idle func() bool) {
	ticker := time.NewTicker(d)
	for range ticker.C {
		if idle() {
			ticker.Stop()
			return
		}
	}
}

func rangeOverTickerBreak(d time.Duration, idle func() bool) {
	ticker := time.NewTicker(d) // want GL010 "never stopped"
	for range ticker.C {
		if idle() {
			break
		}
	}
}

// A new timer per event, left pending whenever an event comes first: they pile up.
func timerPerEvent(events <-chan int, d time.Duration) {
	for {
		timer := time.NewTimer(d) // want GL010 "timer `timer` from time.NewTimer is never stopped, so it lives until it fires; call timer.Stop\(\) before the loop goes round again"
		select {
		case e := <-events:
			if e < 0 {
				return
			}
		case <-timer.C:
			check()
		}
	}
}

// The same loop, left pending only when it returns: one timer per call.
func timerPerEventReturns(events <-chan int, d time.Duration) {
	for {
		timer := time.NewTimer(d)
		select {
		case e := <-events:
			if e < 0 {
				return
			}
			timer.Stop()
		case <-timer.C:
			check()
		}
	}
}

// Replaced while the first is still pending.
func timerReplaced(done <-chan struct{}, d time.Duration) {
	timer := time.NewTimer(d) // want GL010:low "timer `timer` from time.NewTimer is not stopped when it is reassigned at line \d+, so it lives until it fires; call timer.Stop\(\) before it is replaced"
	select {
	case <-done:
	case <-timer.C:
	}
	timer = time.NewTimer(2 * d)
	<-timer.C
}
