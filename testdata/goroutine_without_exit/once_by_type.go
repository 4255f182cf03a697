package fixtures

import (
	"sync"
	"time"
)

// A package-level sync.Once, known by its declared type rather than its name: the
// janitor it starts runs once per process, meant to live as long as it. Silent.
type sessionTable struct {
	sync.Mutex
	open map[string]time.Time
}

func (t *sessionTable) sweep() {
	ticker := time.NewTicker(time.Minute)
	for range ticker.C {
		t.Lock()
		for id, at := range t.open {
			if time.Since(at) > time.Hour {
				delete(t.open, id)
			}
		}
		t.Unlock()
	}
}

var (
	sessions     *sessionTable
	sessionsInit sync.Once
)

func Open(id string) {
	sessionsInit.Do(func() {
		sessions = &sessionTable{open: map[string]time.Time{}}
		go sessions.sweep()
	})
	sessions.Lock()
	sessions.open[id] = time.Now()
	sessions.Unlock()
}

func OpenAll(ids []string) {
	for _, id := range ids {
		Open(id)
	}
}

// A Do of another type runs its function on every call: each Submit starts another
// poller. Reported.
type jobRunner struct{}

func (jobRunner) Do(f func()) { f() }

var runner jobRunner

func poll(c chan int) {
	for {
		c <- 1
		time.Sleep(time.Second)
	}
}

func Submit(c chan int) {
	runner.Do(func() {
		go poll(c) // want GL011:low "blocks on the send to `c` at line 59 once nobody receives"
	})
}

func SubmitAll(cs []chan int) {
	for _, c := range cs {
		Submit(c)
	}
}
