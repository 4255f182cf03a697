package closer

// Worker is stopped by the package itself: Drain closes it when the queue is empty,
// and a later Add blocks with no call of the user's.
type Worker struct {
	jobs chan int
	stop chan bool
}

func NewWorker() *Worker {
	w := &Worker{jobs: make(chan int), stop: make(chan bool)}
	go w.run()
	return w
}

func (w *Worker) run() {
	for {
		select {
		case j := <-w.jobs:
			_ = j
		case <-w.stop:
			return
		}
	}
}

func (w *Worker) Add(j int) {
	w.jobs <- j // want GL003 "stops through `<-w.stop`"
}

func (w *Worker) Stop() { close(w.stop) }

func Drain(w *Worker) { w.Stop() }

// Ticker's stop channel is closed by an unexported method: not the owner's API alone.
type Ticker struct {
	ticks chan int
	quit  chan struct{}
}

func NewTicker() *Ticker {
	t := &Ticker{ticks: make(chan int), quit: make(chan struct{})}
	go t.run()
	return t
}

func (t *Ticker) run() {
	for {
		select {
		case n := <-t.ticks:
			_ = n
		case <-t.quit:
			return
		}
	}
}

func (t *Ticker) Tick(n int) {
	t.ticks <- n // want GL003 "stops through `<-t.quit`"
}

func (t *Ticker) shutdown() { close(t.quit) }

var _ = (*Ticker).shutdown
