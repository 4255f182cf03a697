package fixtures

// supervisor's failures channel is made with a buffer in made_elsewhere_new.go, through
// a local: the error a run sends fits in it even after drainFailures has stopped.
type supervisor struct {
	failures chan error
}

func (s *supervisor) launch(run func() error) {
	go func() {
		if err := run(); err != nil {
			s.failures <- err
		}
	}()
}

func (s *supervisor) drainFailures(stopped <-chan struct{}, report func(error)) {
	for {
		select {
		case <-stopped:
			return
		case err := <-s.failures:
			report(err)
		}
	}
}

// overseer's faults channel is made unbuffered in made_elsewhere_new.go.
type overseer struct {
	faults chan error
}

func (o *overseer) launch(run func() error) {
	go func() {
		if err := run(); err != nil {
			o.faults <- err // want GL003 "send on `o.faults` blocks forever if its receiver \(line 46\) stops through `<-stopped`"
		}
	}()
}

func (o *overseer) drainFaults(stopped <-chan struct{}, report func(error)) {
	for {
		select {
		case <-stopped:
			return
		case err := <-o.faults:
			report(err)
		}
	}
}
