package fixtures

import (
	"context"
	"errors"
	"os/exec"
)

type stream struct {
	cmd *exec.Cmd
}

// The returned stream's process runs in the derived context, which a deferred cancel
// would end as the function returns: the caller's context bounds it, once per call.
func startStream(ctx context.Context, name string) (*stream, error) {
	ctx, cancel := context.WithCancel(ctx)
	cmd := exec.CommandContext(ctx, name)
	if err := cmd.Start(); err != nil {
		cancel()
		return nil, err
	}
	s := &stream{cmd: cmd}
	_ = cancel // the stream's Wait ends the process
	return s, nil
}

type result struct {
	out []byte
}

// The context only runs a call whose output and error come back: nothing returned keeps
// it, and a deferred cancel would be right.
func runOnce(ctx context.Context, name string) (*result, error) {
	ctx, cancel := context.WithCancel(ctx) // want GL009 "called on some paths but not when the function returns at line 40, so only its parent can end it; defer cancel\(\)$"
	out, err := exec.CommandContext(ctx, name).Output()
	if err != nil {
		cancel()
		return nil, err
	}
	return &result{out: out}, nil
}

// Called in a loop under one parent: the children pile up until it ends.
func startAll(ctx context.Context, names []string) error {
	for _, name := range names {
		if _, err := startLooped(ctx, name); err != nil {
			return err
		}
	}
	return errors.New("done")
}

func startLooped(ctx context.Context, name string) (*stream, error) {
	ctx, cancel := context.WithCancel(ctx) // want GL009 "but not when the function returns at line 60, so only its parent can end it; call cancel\(\) when what it returns is done"
	cmd := exec.CommandContext(ctx, name)
	if err := cmd.Start(); err != nil {
		cancel()
		return nil, err
	}
	return &stream{cmd: cmd}, nil
}
