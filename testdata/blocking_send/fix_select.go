package fixes

import (
	"context"
	"errors"
)

type writer struct {
	rec chan []byte
}

func (w *writer) loop(out func([]byte) error) {
	for r := range w.rec {
		if err := out(r); err != nil {
			return
		}
	}
}

func (w *writer) Log(ctx context.Context, r []byte) error {
	if len(r) == 0 {
		return errors.New("empty record")
	}
	w.rec <- r // want GL003
	return nil
}

// No fix: no context to wait on, and no error to return.
func (w *writer) LogAll(rs [][]byte) {
	for _, r := range rs {
		w.rec <- r // want GL003
	}
}
