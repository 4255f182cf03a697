package closer

// journal's loop lives in this file and its senders in journal_write.go: the package
// check judges them. It stops only in journal.stop, which the package calls only from
// Log.Close: the teardown of its owner.
type journal struct {
	entries chan string
	quit    chan struct{}
}

func newJournal() *journal {
	j := &journal{entries: make(chan string), quit: make(chan struct{})}
	go j.loop()
	return j
}

func (j *journal) loop() {
	for {
		select {
		case e := <-j.entries:
			_ = e
		case <-j.quit:
			return
		}
	}
}

func (j *journal) stop() { close(j.quit) }

type Log struct{ j *journal }

func NewLog() *Log { return &Log{j: newJournal()} }

func (l *Log) Close() error {
	l.j.stop()
	return nil
}

// feed's loop stops when its own source fails (the package stops it from a loop
// that is no teardown): its senders in journal_write.go keep the warning.
type feed struct {
	items chan int
	done  chan struct{}
}

func newFeed(next func() error) *feed {
	f := &feed{items: make(chan int), done: make(chan struct{})}
	go f.loop()
	go func() {
		for next() == nil {
		}
		f.stop()
	}()
	return f
}

func (f *feed) loop() {
	for {
		select {
		case n := <-f.items:
			_ = n
		case <-f.done:
			return
		}
	}
}

func (f *feed) stop() { close(f.done) }
