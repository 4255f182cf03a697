package cache

import "time"

type janitor struct {
	interval time.Duration
	stop     chan bool
}

func (j *janitor) run(clean func()) {
	tick := time.Tick(j.interval) // want GL010:low "time.Tick's ticker can never be stopped"
	for {
		select {
		case <-tick:
			clean()
		case <-j.stop:
			return
		}
	}
}

// Cache is what programs use: New starts its janitor.
type Cache struct {
	janitor *janitor
}

// New returns a cache whose janitor cleans every interval.
func New(interval time.Duration) *Cache {
	j := &janitor{interval: interval, stop: make(chan bool)}
	go j.run(func() {})
	return &Cache{janitor: j}
}

type sweeper struct{ every time.Duration }

func (s *sweeper) loop(stop chan bool) {
	tick := time.Tick(s.every) // want GL010:low "time.Tick's ticker can never be stopped"
	for {
		select {
		case <-tick:
		case <-stop:
			return
		}
	}
}

// A package-level value: every program that imports the package has one.
var defaultSweeper = &sweeper{every: time.Hour}
