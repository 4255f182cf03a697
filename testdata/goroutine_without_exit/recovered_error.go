package fixtures

import (
	"log"
	"net"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func catchAndLog(prefix string) {
	if r := recover(); r != nil {
		log.Printf("%s: %v", prefix, r)
	}
}

// An echo server for tests: a read error panics out of the loop and the deferred
// recover ends the goroutine once the peer closes the connection. Silent.
type echo struct{ l net.Listener }

func (e *echo) Close() error { return e.l.Close() }

func (e *echo) Accept(l net.Listener) {
	for i := 0; i < 3; i++ {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go e.serve(conn)
	}
}

func (e *echo) serve(conn net.Conn) {
	defer catchAndLog("serve")
	defer conn.Close()
	for {
		buf := make([]byte, 512)
		n := must(conn.Read(buf))
		_, _ = conn.Write(buf[:n])
	}
}

// The same through a checker of another package, recovered by a literal.
func (e *echo) Serve(l net.Listener) {
	for i := 0; i < 3; i++ {
		go func() {
			defer func() { _ = recover() }()
			for {
				conn, err := l.Accept()
				PanicOnError(err, "accept")
				_ = conn.Close()
			}
		}()
	}
}

// PanicOnError stands for a helper of another package.
var PanicOnError = func(err error, what string) {}

// A read error panics too, but nothing recovers it: the process crashes, and the
// goroutine leaves only with it. Reported.
func (e *echo) Relay(conns []net.Conn) {
	for _, c := range conns {
		for i := 0; i < 3; i++ {
			go func() { // want GL011 "never returns"
				for {
					buf := make([]byte, 512)
					n := must(c.Read(buf))
					_ = n
				}
			}()
		}
	}
}

// A recover, but nothing in the loop panics on an error. Reported.
func (e *echo) Spin(conns []net.Conn) {
	for _, c := range conns {
		for i := 0; i < 3; i++ {
			go func() { // want GL011 "never returns"
				defer catchAndLog("spin")
				for {
					buf := make([]byte, 512)
					_, _ = c.Read(buf)
				}
			}()
		}
	}
}
