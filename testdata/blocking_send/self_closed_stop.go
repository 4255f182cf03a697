package fixtures

// Receiver loops with a stop case on a channel that only the receiving method itself
// closes. Closed right before that method returns, the case cannot fire while the
// loop runs: it is no way the loop stops.

// Two stops: a cancel channel the creator hands in, and an abort channel only Wait
// closes, as it returns. A sender is stranded when the caller cancels, and the
// message names that case, not the abort one.
type partGroup struct {
	partsCancel chan struct{}
	aborted     chan struct{}
	partsIn     chan int
	partCount   int
}

func newPartGroup(partsCancel chan struct{}, partCount int) *partGroup {
	return &partGroup{partsCancel: partsCancel, aborted: make(chan struct{}), partsIn: make(chan int), partCount: partCount}
}

func (g *partGroup) Wait(failed func(int) bool) int {
	done := 0
Loop:
	for done < g.partCount {
		select {
		case <-g.aborted:
			break Loop
		case <-g.partsCancel:
			break Loop
		case n := <-g.partsIn:
			if failed(n) {
				close(g.aborted)
				return done
			}
			done++
		}
	}
	return done
}

func (g *partGroup) work(part func() int) {
	for {
		select {
		case <-g.partsCancel:
			return
		case <-g.aborted:
			return
		default:
		}
		g.partsIn <- part() // want GL003 "stops through `<-g.partsCancel` at line 28"
	}
}

// The only stop case is such an abort channel: the loop stops on the end value its
// sender sends last, never through the abort case. Silent.
type lineRelay struct {
	relayHalt  chan struct{}
	relayLines chan string
}

func (r *lineRelay) Run(write func(string)) {
	for {
		select {
		case <-r.relayHalt:
			return
		case l := <-r.relayLines:
			if l == "" {
				close(r.relayHalt)
				return
			}
			write(l)
		}
	}
}

func (r *lineRelay) feed(batch []string) {
	for _, l := range batch {
		r.relayLines <- l
	}
	r.relayLines <- ""
}

// Closed by the loop's method, which goes on receiving: the next turn takes the
// case. Reported through it.
type chunkRelay struct {
	chunksStop chan struct{}
	chunks     chan []byte
}

func (r *chunkRelay) run(write func([]byte) error) {
	for {
		select {
		case <-r.chunksStop:
			return
		case c := <-r.chunks:
			if write(c) != nil {
				close(r.chunksStop)
			}
		}
	}
}

func (r *chunkRelay) feed(c []byte) {
	r.chunks <- c // want GL003 "stops through `<-r.chunksStop` at line 93"
}
