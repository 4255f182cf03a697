package fixtures

import (
	"net"
	"sync"
	"time"
)

// The send gives up at a deadline: the read lock is held for the timeout at most.
type muxListener struct {
	mu      sync.RWMutex
	c       chan net.Conn
	timeout time.Duration
}

func (ln *muxListener) handle(conn net.Conn) {
	ln.mu.RLock()
	defer ln.mu.RUnlock()
	timer := time.NewTimer(ln.timeout)
	defer timer.Stop()
	select {
	case ln.c <- conn:
	case <-timer.C:
		conn.Close()
	}
}

func (ln *muxListener) offer(conn net.Conn) {
	ln.mu.RLock()
	defer ln.mu.RUnlock()
	select {
	case ln.c <- conn:
	case <-time.After(ln.timeout):
		conn.Close()
	}
}

// Exit runs once per driver: its one send has room in the buffer of one.
type driver struct {
	mu      sync.Mutex
	monitor chan bool
	volumes []string
}

func newDriver() *driver {
	return &driver{monitor: make(chan bool, 1)}
}

func (d *driver) Exit() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.monitor <- true
	d.volumes = nil
}

// A refresh is sent on every mount: the same buffer of one fills.
func (d *driver) mount(v string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.volumes = append(d.volumes, v)
	d.monitor <- false // want GL004:low "buffer 1 at line 46: every call adds to it"
}
