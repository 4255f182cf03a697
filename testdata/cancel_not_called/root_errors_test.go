package fixtures

import (
	"context"
	"errors"
	"testing"
)

// A test helper's child of Background() lost at an error return: its cost ends with the
// test, so the note on error paths is not given in test code.
func openForTest(t *testing.T) (*index, error) {
	ctx, cancel := context.WithCancel(context.Background())
	ok, err := probe(ctx)
	if err != nil || !ok {
		return nil, errors.New("no index")
	}
	return &index{ctx: ctx, cancel: cancel}, nil
}
