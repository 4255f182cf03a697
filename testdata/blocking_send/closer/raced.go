package closer

import "errors"

// The store's other writers give up on `stopped` in a select: the package expects
// writes to race Stop, and Rebuild's bare one is the gap (a note, shown).
type store struct {
	writes  chan int
	stopped chan struct{}
}

func NewStore() *store {
	s := &store{writes: make(chan int), stopped: make(chan struct{})}
	go s.apply()
	return s
}

func (s *store) apply() {
	for {
		select {
		case w := <-s.writes:
			_ = w
		case <-s.stopped:
			return
		}
	}
}

func (s *store) Stop() {
	close(s.stopped)
}

func (s *store) Put(v int) bool {
	select {
	case s.writes <- v:
		return true
	case <-s.stopped:
		return false
	}
}

func (s *store) Rebuild() {
	s.writes <- 0 // want GL003 "blocks forever if called after store.Stop, which stops its receiver"
}

// The worker's other cases leave only when their channel is closed, which nothing
// does, and the constructor's failed-construction cleanup closes done before anyone
// has the pool: only Close stops it, and a Load after Close is the caller's misuse
// (low).
type loader struct {
	loads chan int
	saves chan int
	done  chan struct{}
}

func NewLoader(open func() error) (*loader, error) {
	l := &loader{loads: make(chan int), saves: make(chan int), done: make(chan struct{})}
	var err error
	defer func() {
		if err != nil {
			close(l.done)
		}
	}()
	if err = open(); err != nil {
		return nil, errors.New("open failed")
	}
	go l.serve()
	return l, nil
}

func (l *loader) serve() {
	for {
		select {
		case v, ok := <-l.saves:
			if !ok {
				return
			}
			_ = v
		case v := <-l.loads:
			_ = v
		case <-l.done:
			return
		}
	}
}

func (l *loader) Close() {
	close(l.done)
}

func (l *loader) Load(v int) {
	l.loads <- v // want GL003:low "blocks forever if called after loader.Close, which stops its receiver"
}
