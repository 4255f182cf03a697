package fixtures

import (
	"context"
	"sync"
)

// The requesters of reply_handlers.go's commands: each request brings its own reply
// channel, made here.

type lookupReq struct {
	name  string
	reply chan int
}

type pollReq struct {
	name  string
	reply chan int
}

type lookupWorker struct {
	mu    sync.Mutex
	reqs  chan *lookupReq
	polls chan *pollReq
	table map[string]int
}

func newLookupWorker() *lookupWorker {
	return &lookupWorker{
		reqs:  make(chan *lookupReq, 16),
		polls: make(chan *pollReq, 16),
		table: map[string]int{},
	}
}

// The requester waits for the reply with a plain receive right after asking.
func (w *lookupWorker) Lookup(name string) int {
	req := &lookupReq{name: name, reply: make(chan int)}
	w.reqs <- req
	return <-req.reply
}

// This requester can give up: then nobody takes the reply.
func (w *lookupWorker) Poll(ctx context.Context, name string) int {
	req := &pollReq{name: name, reply: make(chan int)}
	w.polls <- req
	select {
	case v := <-req.reply:
		return v
	case <-ctx.Done():
		return 0
	}
}
