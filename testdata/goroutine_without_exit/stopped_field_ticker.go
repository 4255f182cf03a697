package fixtures

import (
	"sync"
	"time"
)

type sharedClock struct {
	sync.Mutex
	running bool
	ticker  *time.Ticker
	users   map[*meter]struct{}
}

type meter struct {
	clock *sharedClock
	count int
}

var clocks sync.Map

// The clock's ticker is stopped when its last meter goes, but the goroutine ranging
// over its C never learns: each stop leaves one goroutine behind.
func newMeter(every time.Duration) *meter {
	v, _ := clocks.LoadOrStore(every, &sharedClock{users: map[*meter]struct{}{}})
	c := v.(*sharedClock)
	m := &meter{clock: c}
	c.Lock()
	c.users[m] = struct{}{}
	if !c.running {
		c.running = true
		c.ticker = time.NewTicker(every)
		go c.run() // want GL011 "goroutine never returns: its range loop at line 51 has no return or break and nothing closes `c.ticker.C` \(Stop does not\); add a ctx.Done\(\) exit"
	}
	c.Unlock()
	return m
}

func (m *meter) release() {
	c := m.clock
	c.Lock()
	delete(c.users, m)
	if len(c.users) == 0 {
		c.running = false
		c.ticker.Stop()
	}
	c.Unlock()
}

func (c *sharedClock) run() {
	for range c.ticker.C {
		c.Lock()
		for m := range c.users {
			m.count++
		}
		c.Unlock()
	}
}

type beacon struct {
	ticker *time.Ticker
	beats  int
}

var beacons sync.Map

// Nothing ever stops this ticker: the goroutine runs as long as the process, by design.
func startBeacon(every time.Duration) {
	b := &beacon{ticker: time.NewTicker(every)}
	if _, loaded := beacons.LoadOrStore(every, b); loaded {
		return
	}
	go b.beat()
}

func (b *beacon) beat() {
	for range b.ticker.C {
		b.beats++
	}
}

type pulse struct {
	ticker *time.Ticker
}

// Stops a ticker of another type that has a field of the same name.
func (p *pulse) halt() {
	p.ticker.Stop()
}
