package fixtures

import (
	"context"
	"errors"
)

type session struct {
	ctx context.Context
}

var sessions = make(chan *session, 8)

func watchSession(done <-chan struct{}, cancel context.CancelFunc) {
	<-done
	cancel()
}

// The derived context lives on in the session after the function returns: a deferred
// cancel would end it while the session is in use, so the advice names the holder.
func openSession(parent context.Context, done <-chan struct{}, watched bool) {
	sctx, cancel := context.WithCancel(parent) // want GL009 "call cancel\(\) when what keeps the context \(line 26\) is done"
	if watched {
		go watchSession(done, cancel)
	}
	sessions <- &session{ctx: sctx}
}

// The context only serves this call: the advice is a defer.
func lookup(parent context.Context, ok bool) error {
	cctx, cancel := context.WithCancel(parent) // want GL009 "defer cancel\(\)"
	if !ok {
		return errors.New("refused")
	}
	err := cctx.Err()
	cancel()
	return err
}
