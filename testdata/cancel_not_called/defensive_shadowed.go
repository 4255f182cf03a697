package fixtures

import (
	"context"
	"errors"
	"time"
)

func validate(r *reply) error { return nil }

// The `err` checked before the nil test is the validation's own, not send's: send's
// error may be set there, and the reply nil, without a breach of its contract.
func sendValidated(parent context.Context) (*reply, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want GL009 "not when the function returns at line 21"
	r, err := send(ctx)
	if err := validate(r); err != nil {
		cancel()
		return nil, err
	}
	if r == nil {
		return nil, errors.New("no reply")
	}
	cancel()
	return r, err
}
