package fields

import "sync"

// The sender checks the connection only once a message comes: after Close, with no
// message, it waits on the range for ever, and nothing closes the channel.
type session struct {
	mu       sync.Mutex
	open     bool
	outgoing chan []byte
}

func dialSession() *session {
	s := &session{open: true, outgoing: make(chan []byte)}
	go s.send() // want GL011 "goroutine can wait forever: its range loop at line 26 needs one more value to exit \(line 28\); nothing in the package closes field `outgoing`: close it when done"
	return s
}

func (s *session) isOpen() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.open
}

func (s *session) send() {
	for msg := range s.outgoing {
		if !s.isOpen() {
			break
		}
		println(len(msg))
	}
}

func (s *session) Write(msg []byte) { s.outgoing <- msg }

func (s *session) Close() {
	s.mu.Lock()
	s.open = false
	s.mu.Unlock()
}

// The loop stops on a value the senders send: a nil message ends it.
type mailer struct {
	mails chan []byte
}

func newMailer() *mailer {
	m := &mailer{mails: make(chan []byte)}
	go func() {
		for mail := range m.mails {
			if mail == nil {
				return
			}
			println(len(mail))
		}
	}()
	return m
}

func (m *mailer) Post(mail []byte) { m.mails <- mail }

func (m *mailer) Close() { m.mails <- nil }

// Stop wakes the loop after setting the flag: the next value is its own.
type waker struct {
	mu      sync.Mutex
	stopped bool
	wake    chan struct{}
}

func newWaker() *waker {
	w := &waker{wake: make(chan struct{})}
	go func() {
		for range w.wake {
			w.mu.Lock()
			stopped := w.stopped
			w.mu.Unlock()
			if stopped {
				return
			}
		}
	}()
	return w
}

func (w *waker) Poke() { w.wake <- struct{}{} }

func (w *waker) Stop() {
	w.mu.Lock()
	w.stopped = true
	w.mu.Unlock()
	w.wake <- struct{}{}
}
