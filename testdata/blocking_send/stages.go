package fixtures

import "errors"

var errEmptyTile = errors.New("empty tile")

// A stage keeps its caller's error channel: nothing in the package makes tileStage.Errs,
// so the channel and its receiver are the caller's (unknown origin), even though
// stage_poll.go receives from the field of this very type. Silent.
type tileStage struct {
	Errs chan error
	done chan struct{}
}

func newTileStage(errs chan error) *tileStage {
	return &tileStage{Errs: errs, done: make(chan struct{})}
}

func (s *tileStage) encode(data []byte) {
	if len(data) == 0 {
		s.Errs <- errEmptyTile
	}
}

// drillStage's own field, made in stage_poll.go, whose receiver there stops on done:
// reported.
func (d *drillStage) fail(err error) {
	d.Error <- err // want GL003 "receiver \(stage_poll.go:\d+\) stops through `<-d.done` at line \d+"
}
