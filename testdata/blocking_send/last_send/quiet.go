package lastsend

// Its receiver waits in an unexported method the package calls itself.
type session struct {
	errs chan error
	quit chan struct{}
}

func newSession(run func() error) *session {
	s := &session{errs: make(chan error), quit: make(chan struct{})}
	go func() {
		if err := run(); err != nil {
			s.errs <- err
			return
		}
	}()
	return s
}

func (s *session) wait() error { return <-s.errs }

func (s *session) Close() { close(s.quit) }

// The channel is handed out: the caller's receiver is not shown.
type Stream struct {
	failed chan error
	quit   chan struct{}
}

func Open(run func() error) *Stream {
	s := &Stream{failed: make(chan error), quit: make(chan struct{})}
	go func() {
		if err := run(); err != nil {
			s.failed <- err
			return
		}
	}()
	return s
}

func (s *Stream) Errors() <-chan error { return s.failed }

func (s *Stream) Err() error { return <-s.failed }

func (s *Stream) Close() { close(s.quit) }

// No method ends the value: its user waits for the result it was made for.
type Job struct {
	result chan error
}

func Start(run func() error) *Job {
	j := &Job{result: make(chan error)}
	go func() {
		if err := run(); err != nil {
			j.result <- err
			return
		}
	}()
	return j
}

func (j *Job) Result() error { return <-j.result }

// Buffered: the last send never waits.
type Task struct {
	done chan error
	quit chan struct{}
}

func Spawn(run func() error) *Task {
	t := &Task{done: make(chan error, 1), quit: make(chan struct{})}
	go func() {
		if err := run(); err != nil {
			t.done <- err
			return
		}
	}()
	return t
}

func (t *Task) Wait() error { return <-t.done }

func (t *Task) Stop() { close(t.quit) }
