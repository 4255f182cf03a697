package fixtures

import (
	"bufio"
	"log"
	"net"
	"sync"
	"time"
)

// Reduced from a metrics sink: the flush loop, started once with go, reconnects by
// itself; an unreachable collector delays only its next attempt.
type statsSink struct {
	addr    string
	metrics chan string
}

func newStatsSink(addr string) *statsSink {
	s := &statsSink{addr: addr, metrics: make(chan string, 64)}
	go s.flushLoop()
	return s
}

func (s *statsSink) flushLoop() {
	for {
		sock, err := net.Dial("tcp", s.addr)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		w := bufio.NewWriter(sock)
		for m := range s.metrics {
			w.WriteString(m)
		}
		sock.Close()
	}
}

// Reduced from a proxy's health monitor: each probe runs in a goroutine of its own
// that only logs the outcome.
type proxiedBackend struct{ addr string }

func (b *proxiedBackend) tryReactivate() error {
	conn, err := net.Dial("tcp", b.addr)
	if err != nil {
		return err
	}
	return conn.Close()
}

func monitorBackends(backends []*proxiedBackend) {
	for _, b := range backends {
		go func(b *proxiedBackend) {
			if err := b.tryReactivate(); err != nil {
				log.Printf("%s still down: %v", b.addr, err)
			}
		}(b)
	}
}

// Someone waits for these: still reported.
type upstreamPool struct{ addr string }

func (u *upstreamPool) dialOne() (net.Conn, error) {
	return net.Dial("tcp", u.addr) // want GL006:low "net.Dial has no timeout"
}

func (u *upstreamPool) dialAll(n int) []net.Conn {
	var wg sync.WaitGroup
	conns := make([]net.Conn, n)
	for i := range conns {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			conns[i], _ = u.dialOne()
		}(i)
	}
	wg.Wait()
	return conns
}

func (u *upstreamPool) dialAsync() <-chan net.Conn {
	ready := make(chan net.Conn, 1)
	go func() {
		conn, err := net.Dial("tcp", u.addr) // want GL006:low "net.Dial has no timeout"
		if err == nil {
			ready <- conn
		}
	}()
	return ready
}

// Started with go and also called directly: the direct caller waits for it.
func (u *upstreamPool) refreshOne() {
	conn, err := net.Dial("tcp", u.addr) // want GL006:low "net.Dial has no timeout"
	if err == nil {
		conn.Close()
	}
}

func (u *upstreamPool) startRefresh() {
	go u.refreshOne()
	u.refreshOne()
}

// Exported: callers outside the package may call it and wait.
func (u *upstreamPool) Probe() {
	conn, err := net.Dial("tcp", u.addr) // want GL006:low "net.Dial has no timeout"
	if err == nil {
		conn.Close()
	}
}

func (u *upstreamPool) startProbe() {
	go u.Probe()
}

// A goroutine per accepted connection: the client waits for the dial to the backend.
func proxyConns(l net.Listener, backend string) error {
	for {
		in, err := l.Accept()
		if err != nil {
			return err
		}
		go forwardConn(in, backend)
		go func() {
			out, err := net.Dial("tcp", backend) // want GL006:low "net.Dial has no timeout"
			if err == nil {
				out.Close()
			}
		}()
	}
}

func forwardConn(in net.Conn, backend string) {
	out, err := net.Dial("tcp", backend) // want GL006:low "net.Dial has no timeout"
	if err != nil {
		in.Close()
		return
	}
	out.Close()
	in.Close()
}

func (u *upstreamPool) serveConn(in net.Conn) {
	out, err := net.Dial("tcp", u.addr) // want GL006:low "net.Dial has no timeout"
	if err == nil {
		out.Close()
	}
	in.Close()
}

func (u *upstreamPool) handOff(in net.Conn) {
	go u.serveConn(in)
}
