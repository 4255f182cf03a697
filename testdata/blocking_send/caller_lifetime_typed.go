package fixtures

import (
	"context"

	"example.com/supervisor"
)

// A loop run by code outside the package through its context; the `Start` it calls on
// a field of an imported type is that type's method, not a start of the loop.
type feedHandler struct {
	tracker *supervisor.Tracker
	feed    chan string
}

func (h *feedHandler) Start(ctx context.Context) error {
	h.tracker.Start()
	for {
		select {
		case s := <-h.feed:
			_ = s
		case <-ctx.Done():
			return nil
		}
	}
}

func (h *feedHandler) OnAdd(s string) {
	h.feed <- s
}

// The same loop started by the package for each request, with the request's
// context: a sender after the request ends blocks forever.
type requestFeed struct {
	tracker *supervisor.Tracker
	feed    chan string
}

func (h *requestFeed) Start(ctx context.Context) error {
	h.tracker.Start()
	for {
		select {
		case s := <-h.feed:
			_ = s
		case <-ctx.Done():
			return nil
		}
	}
}

func (h *requestFeed) OnAdd(s string) {
	h.feed <- s // want GL003:low "blocks forever if its receiver"
}

func serveFeed(ctx context.Context, h *requestFeed) {
	go h.Start(ctx)
}

// Started by the package through an interface, per request: a call on an interface
// value may run the loop, so the package does start it.
type feedPumper interface {
	Pump(ctx context.Context) error
}

type jobFeed struct {
	feed chan string
}

func (h *jobFeed) Pump(ctx context.Context) error {
	for {
		select {
		case s := <-h.feed:
			_ = s
		case <-ctx.Done():
			return nil
		}
	}
}

func (h *jobFeed) OnAdd(s string) {
	h.feed <- s // want GL003 "blocks forever if its receiver"
}

func servePumper(ctx context.Context, s feedPumper) {
	go s.Pump(ctx)
}
