package fixtures

import (
	"context"
	"net"
	"net/http"
	"time"
)

// What shows that a ticker's function runs more than once (lifetime.runs_again).
// Without it, a ticker left running is reported as low: one per component made once
// piles nothing up.

// Once per request.
func evStatus(w http.ResponseWriter, r *http.Request) {
	t := time.NewTicker(time.Second) // want GL010 "never stopped"
	for i := 0; i < 3; i++ {
		<-t.C
	}
}

// Once per connection.
func evKeepAlive(c net.Conn) {
	t := time.NewTicker(time.Second) // want GL010 "never stopped"
	for range t.C {
		if _, err := c.Write(nil); err != nil {
			return
		}
	}
}

// A streaming gRPC method runs once per call of a client.
type WatchRequest struct{}

type Health_WatchServer interface{ Send(*int) error }

type evHealth struct{}

func (h *evHealth) Watch(req *WatchRequest, stream Health_WatchServer) error {
	t := time.NewTicker(time.Second) // want GL010 "never stopped"
	for range t.C {
		if err := stream.Send(nil); err != nil {
			return err
		}
	}
	return nil
}

// A GraphQL resolver's method runs once per query that asks for its field.
type mutationResolver struct{}

func (r *mutationResolver) Refresh(ctx context.Context) (bool, error) {
	tick := time.Tick(time.Second) // want GL010 "time.Tick's ticker can never be stopped"
	select {
	case <-tick:
		return true, nil
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// Called in a loop that goes round without a bound.
func evWaitOnce(ctx context.Context) error {
	t := time.NewTicker(time.Second) // want GL010 "never stopped"
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func evRetry(ctx context.Context) {
	for ctx.Err() == nil {
		evWaitOnce(ctx)
	}
}

// Called once by a function that nothing shows running again: low.
func evReport(ctx context.Context) {
	t := time.NewTicker(time.Minute) // want GL010:low "never stopped"
	for {
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
	}
}

func evSetUp(ctx context.Context) {
	go evReport(ctx)
}

// A wait that returns when its work is done: its callers wait again for the next.
func evWaitReady(ready func() bool) error {
	t := time.NewTicker(time.Second) // want GL010 "never stopped"
	for range t.C {
		if ready() {
			return nil
		}
	}
	return nil
}

// The same loop left only on an error: a poller meant to run until the process ends,
// whose one start nothing shows repeating. Low.
func evPollDisk(check func() error) error {
	t := time.NewTicker(time.Second) // want GL010:low "never stopped"
	for range t.C {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}
