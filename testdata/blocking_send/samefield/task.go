package samefield

// task and watcher both have a field named reply; they are different channels.
type task struct {
	reply chan int
}

type board struct {
	tasks chan *task
	quit  chan struct{}
}

func (b *board) finish(t *task, n int) {
	t.reply <- n
}

type order struct {
	reply chan int
}

// The receiver of order.reply (watch.go) stops on quit: this send can be left behind.
func (b *board) fill(o *order, n int) {
	o.reply <- n // want GL003 "watch.go"
}

// wrapped embeds core: its sig is core's field, promoted.
type wrapped struct {
	*core
}

func (b *board) poke(w *wrapped) {
	w.sig <- struct{}{} // want GL003 "watch.go"
}

// A member's feed is its hub's (joined copies it): the hub's loop is its receiver.
type member struct {
	feed chan int
}

func (m *member) say(n int) {
	m.feed <- n // want GL003 "watch.go"
}

// A lane is built positionally from the router's queue (watch.go): one channel.
type router struct {
	queue chan int
}

func (r *router) push(n int) {
	r.queue <- n // want GL003 "watch.go"
}
