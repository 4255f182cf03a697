package fixtures

import (
	"context"
	"errors"
	"time"
)

type reply struct{ body string }

func send(ctx context.Context) (*reply, error) { return &reply{}, ctx.Err() }

// The only path that leaves the cancel function uncalled is taken when send returns
// neither a reply nor an error, which its contract rules out.
func sendOnce(parent context.Context) (*reply, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	r, err := send(ctx)
	if err != nil {
		cancel()
		return nil, err
	}
	if r == nil {
		return nil, errors.New("invalid state: no reply and no error")
	}
	cancel()
	return r, nil
}

// The same check in the else branch, with a second condition.
func sendElse(parent context.Context) (*reply, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	r, err := send(ctx)
	if err != nil {
		cancel()
	} else {
		if r == nil || r.body == "" {
			return nil, errors.New("invalid state")
		}
	}
	cancel()
	return r, err
}

// A nil check of a value that can be nil without an error: reported.
func sendChecked(parent context.Context) (*reply, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want GL009 "not when the function returns at line 49"
	r, err := send(ctx)
	if r == nil {
		return nil, errors.New("no reply")
	}
	cancel()
	return r, err
}

// An error return that is no contract breach: reported.
func sendFails(parent context.Context) (*reply, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want GL009 "not when the function returns at line 60"
	r, err := send(ctx)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, errors.New("invalid state")
	}
	cancel()
	return r, nil
}

// The same contract check written nil-first: still the defensive answer.
func sendNilFirst(parent context.Context) (*reply, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	r, err := send(ctx)
	if nil != err {
		cancel()
		return nil, err
	}
	if nil == r {
		return nil, errors.New("invalid state: no reply and no error")
	}
	cancel()
	return r, nil
}

// Nil-first without the error check: reported.
func sendNilFirstUnchecked(parent context.Context) (*reply, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want GL009 "not when the function returns at line 89"
	r, err := send(ctx)
	if nil == r {
		return nil, errors.New("no reply")
	}
	cancel()
	return r, err
}
