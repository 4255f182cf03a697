package main

import (
	"net"
	"time"
)

// The program's one daemon: main makes it once, and Stop runs twice (on a failed start
// and at shutdown), each at the end of the process: a goroutine Stop leaves blocked is
// left once per process, at its end (low).
type daemon struct{ volumes []string }

func newDaemon() *daemon { return &daemon{} }

func (d *daemon) unmount() {}

func (d *daemon) Stop() {
	done := make(chan struct{})
	go func() {
		d.unmount()
		done <- struct{}{} // want GL003:low "send on unbuffered `done` blocks forever if its receiver"
	}()
	select {
	case <-time.After(time.Minute):
	case <-done:
	}
}

// A session made per accepted connection: each Stop that times out leaves one more.
type session struct{ conn net.Conn }

func newSession(conn net.Conn) *session { return &session{conn: conn} }

func (s *session) Stop() {
	done := make(chan struct{})
	go func() {
		s.conn.Close()
		done <- struct{}{} // want GL003 "send on unbuffered `done` blocks forever if its receiver"
	}()
	select {
	case <-time.After(time.Second):
	case <-done:
	}
}

func serve(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		s := newSession(conn)
		go s.Stop()
	}
}

func main() {
	d := newDaemon()
	if len(d.volumes) > 10 {
		d.Stop()
		return
	}
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		d.Stop()
		return
	}
	serve(l)
	d.Stop()
}
