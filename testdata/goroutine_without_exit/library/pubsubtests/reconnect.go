// Package pubsubtests holds tests that every pub/sub implementation runs.
package pubsubtests

import (
	"net"
	"testing"
)

type PubSub interface {
	Publish(topic string, msg string) error
	Subscribe(topic string) (<-chan string, error)
}

// One idle goroutine per run of this test, waiting on a channel nothing closes: it
// ends with the test binary (low).
func TestReconnect(t *testing.T, ps PubSub) {
	published := make(chan string)
	go func() { // want GL011:low "nothing closes `published`"
		for msg := range published {
			if err := ps.Publish("topic", msg); err != nil {
				t.Error(err)
			}
		}
	}()
	published <- "a"
}

// One per turn of a loop piles up while the test runs: shown.
func TestReconnectMany(t *testing.T, ps PubSub, topics <-chan string) {
	for range topics {
		published := make(chan string)
		go func() { // want GL011 "nothing closes `published`"
			for msg := range published {
				_ = ps.Publish("topic", msg)
			}
		}()
		published <- "a"
	}
}

// A server whose accept loop goes round at once when Accept fails: after Close it
// burns a CPU for the rest of the test run: shown.
type Server struct{ l net.Listener }

func (s *Server) Close() error { return s.l.Close() }

func StartServer(t *testing.T, handle func(net.Conn)) *Server {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { // want GL011 "runs until the process exits"
		for {
			conn, err := l.Accept()
			if err != nil {
				continue
			}
			go handle(conn)
		}
	}()
	return &Server{l}
}

// TestPubSub runs the package's tests as subtests of an implementation's test.
func TestPubSub(t *testing.T, ps PubSub) {
	tests := []struct {
		name string
		run  func(*testing.T, PubSub)
	}{
		{"reconnect", TestReconnect},
		{"reconnect many", func(t *testing.T, ps PubSub) { TestReconnectMany(t, ps, make(chan string)) }},
		{"server", func(t *testing.T, ps PubSub) { StartServer(t, func(c net.Conn) { c.Close() }).Close() }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, ps) })
	}
}
