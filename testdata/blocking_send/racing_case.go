package fixtures

import "context"

type tunnel struct{}

func (t *tunnel) Run() error                                    { return nil }
func (t *tunnel) Ports() []int                                  { return nil }
func openTunnel(stop <-chan struct{}, up chan struct{}) *tunnel { return &tunnel{} }

// The tunnel runs until ctx is cancelled; its result is sent after the caller, told
// it is up, has gone on without ever receiving it.
func openAndWait(parent context.Context) ([]int, context.CancelFunc, error) {
	ctx, cancel := context.WithCancel(parent)
	upChan := make(chan struct{})
	t := openTunnel(ctx.Done(), upChan)
	runErr := make(chan error)
	go func() {
		runErr <- t.Run() // want GL003 "receiver \(line 23\) takes `<-upChan` \(line 22\) first and never receives again"
	}()
	select {
	case <-upChan:
	case err := <-runErr:
		cancel()
		return nil, nil, err
	}
	return t.Ports(), cancel, nil
}

func listenUntilFailure() error { return nil }

// The goroutine signals readiness itself: its send may be tied to the case taken.
func startSignalled() error {
	up := make(chan struct{})
	failed := make(chan error)
	go func() {
		close(up)
		failed <- listenUntilFailure()
	}()
	select {
	case <-up:
	case err := <-failed:
		return err
	}
	return nil
}

// A receive after the select takes the value whichever case goes first.
func startThenWait(up chan struct{}) error {
	failed := make(chan error)
	go func() {
		failed <- listenUntilFailure()
	}()
	select {
	case <-up:
	case err := <-failed:
		return err
	}
	return <-failed
}

// The send happens only on one path: no sure sender.
func startMaybe(up chan struct{}, check bool) error {
	failed := make(chan error)
	go func() {
		if check {
			failed <- listenUntilFailure()
		}
	}()
	select {
	case <-up:
	case err := <-failed:
		return err
	}
	return nil
}
