package fixtures

type drillStage struct {
	Error chan error
	done  chan struct{}
}

func newDrillStage() *drillStage {
	return &drillStage{Error: make(chan error), done: make(chan struct{})}
}

func (d *drillStage) wait() error {
	for {
		select {
		case <-d.done:
			return nil
		case err := <-d.Error:
			return err
		}
	}
}

func (s *tileStage) wait() error {
	for {
		select {
		case <-s.done:
			return nil
		case err := <-s.Errs:
			return err
		}
	}
}
