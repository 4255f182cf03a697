package fixtures

// The send in the quit case is on a local errs of the case, not on the parameter: the
// caller that quits still stops receiving from the parameter errs.
func watchShadowed(fetch func() error, errs chan<- error, quit <-chan struct{}, tick <-chan int) {
	for {
		select {
		case <-quit:
			errs := make(chan error, 1)
			errs <- nil
			return
		case <-tick:
			if err := fetch(); err != nil {
				errs <- err // want GL003:low "send on `errs` blocks forever once the caller stops receiving after `quit` \(line 8\)"
			}
		}
	}
}
