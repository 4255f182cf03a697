package main

import (
	"context"
	"os"
	"os/signal"
	"time"
)

type keeper struct{}

type manager struct{}

// Another type's Start, of another shape, called more than once: not the keeper's.
func (m *manager) Start() error { return nil }

// The loop starts each check in a goroutine and waits for it before starting the next
// one; it leaves only when the process's context is done. Start runs once (main starts
// it once), so what it leaves blocked is one run's, at shutdown (low).
func (k *keeper) Start(ctx context.Context, check func()) {
	done := make(chan struct{})
	tick := time.NewTimer(0).C
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			go func() {
				check()
				done <- struct{}{} // want GL003:low "send on unbuffered `done` blocks forever if its receiver"
			}()
		case <-done:
			tick = time.NewTimer(time.Second).C
		}
	}
}

// The same loop in a method that every request runs: each cancelled request leaves
// its check behind.
func (k *keeper) Probe(ctx context.Context, check func()) {
	done := make(chan struct{})
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
			go func() {
				check()
				done <- struct{}{} // want GL003 "send on unbuffered `done` blocks forever if its receiver"
			}()
		case <-done:
		}
	}
}

func main() {
	// (a context of signal.NotifyContext would end the waits only as the process
	// stops: see sigserve)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt)
		<-stop
		cancel()
	}()
	m := &manager{}
	_ = m.Start()
	_ = m.Start()
	k := &keeper{}
	go k.Start(ctx, func() {})
	for i := 0; i < 10; i++ {
		k.Probe(ctx, func() {})
	}
	<-ctx.Done()
}
