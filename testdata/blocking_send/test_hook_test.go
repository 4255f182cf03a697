package fixtures

import (
	"context"
	"testing"
)

func TestHookSupervisorCrash(t *testing.T) {
	s := newHookSupervisor()
	go s.serve(context.Background())
	defer func() { recover() }()
	s.crashForTests()
}
