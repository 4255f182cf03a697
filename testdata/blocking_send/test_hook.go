package fixtures

import "context"

type hookSupervisor struct {
	control chan string
}

func newHookSupervisor() *hookSupervisor {
	return &hookSupervisor{control: make(chan string)}
}

func (s *hookSupervisor) serve(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-s.control:
			println(m)
		}
	}
}

// Only test_hook_test.go calls it, on a running supervisor: silent.
func (s *hookSupervisor) crashForTests() {
	s.control <- "panic"
}

// The package's own code calls it, also after serve has returned.
func (s *hookSupervisor) restart() {
	s.control <- "restart" // want GL003 "send on `s.control` blocks forever if its receiver"
}

func (s *hookSupervisor) Restart() {
	s.restart()
}
