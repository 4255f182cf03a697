package fixtures

// The receiver lives in another file of the package: the package pass finds it.
type relay struct {
	out chan string
}

func (r *relay) Send(s string) {
	r.out <- s // want GL003 "receiver \(relay_loop.go:8\) stops through `<-ctx.Done\(\)` at line 10"
}

// Receivers in another file that cannot stop, or a buffer made there: silent.
type hub struct {
	register chan string
	events   chan string
}

func (h *hub) Register(s string) { h.register <- s }

func (h *hub) Emit(s string) { h.events <- s }
