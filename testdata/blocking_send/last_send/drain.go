package lastsend

// A store whose loop persists and hands the result over only once Shutdown has closed
// flushing, and Shutdown receives it right after: nothing else closes flushing, so
// the loop reaches the send only while a receiver is on its way. Silent.
type Store struct {
	writes   chan string
	flushing chan struct{}
	result   chan error
}

func NewStore() *Store {
	s := &Store{writes: make(chan string), flushing: make(chan struct{}), result: make(chan error)}
	go s.loop()
	return s
}

func (s *Store) persist() error { return nil }

func (s *Store) loop() {
	for {
		select {
		case w := <-s.writes:
			_ = w
		case <-s.flushing:
			for {
				select {
				case w := <-s.writes:
					_ = w
				default:
					s.result <- s.persist()
					return
				}
			}
		}
	}
}

func (s *Store) Write(w string) { s.writes <- w }

func (s *Store) Shutdown() error {
	close(s.flushing)
	return <-s.result
}

// Here Close closes the trigger without waiting, and only Wait receives: after a Close
// with no Wait, the loop's last send waits forever. Reported.
type Journal struct {
	entries  chan string
	finish   chan struct{}
	finished chan error
}

func NewJournal() *Journal {
	j := &Journal{entries: make(chan string), finish: make(chan struct{}), finished: make(chan error)}
	go j.loop()
	return j
}

func (j *Journal) sync() error { return nil }

func (j *Journal) loop() {
	for {
		select {
		case e := <-j.entries:
			_ = e
		case <-j.finish:
			j.finished <- j.sync() // want GL003 "send on unbuffered `j.finished`, the last of the goroutine started at line 56, waits for a call of Journal.Wait to receive it, forever if none comes; buffer it"
			return
		}
	}
}

func (j *Journal) Add(e string) { j.entries <- e } // want GL003:low "if called after Journal.Close"

func (j *Journal) Close() { close(j.finish) }

func (j *Journal) Wait() error { return <-j.finished }
