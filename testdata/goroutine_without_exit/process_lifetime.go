package fixtures

import (
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"
	"time"
)

// A worker started through once.Do: one per process.
type ingress struct{ requests chan func() }

var ingressOnce sync.Once

func (g *ingress) startIngress() {
	go func() {
		for {
			run := <-g.requests
			run()
		}
	}()
}

func (g *ingress) Submit(run func()) {
	ingressOnce.Do(g.startIngress)
	g.requests <- run
}

// Set-up code that changes the process (its GC, its environment, its exit) runs once.
func tuneMemory() {
	debug.SetGCPercent(40)
	go func() {
		for range time.Tick(30 * time.Second) {
			debug.FreeOSMemory()
		}
	}()
}

// Called only from start-up code that exits the process: once.
func startHeartbeat(beat func()) {
	go func() {
		for {
			time.Sleep(time.Second)
			beat()
		}
	}()
}

func RunAgent(beat func(), serve func() error) {
	startHeartbeat(beat)
	if err := serve(); err != nil {
		os.Exit(1)
	}
}

// A method of the package's one value of its type: the value lives as long as the
// process, and so may its goroutine.
type bandwidth struct{ limit int }

var Bandwidth bandwidth

func (b *bandwidth) StartSchedule(next func() int) {
	ticker := time.NewTicker(time.Minute)
	go func() {
		for range ticker.C {
			b.limit = next()
		}
	}()
}

func StartAccounting(next func() int) {
	Bandwidth.StartSchedule(next)
}

// A goroutine that handles the process's shutdown signals itself.
type sessions struct{ started chan int }

func newSessions() *sessions {
	s := &sessions{started: make(chan int, 1)}
	go s.collect()
	return s
}

func (s *sessions) collect() {
	stop := terminationSignals()
	for {
		select {
		case n := <-s.started:
			_ = n
		case <-stop:
			s.flush()
		}
	}
}

func (s *sessions) flush() {}

func terminationSignals() chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	return c
}

// Started from main, but inside a handler: once per request.
func startRefresher(refresh func()) {
	go func() { // want GL011 "its `for {}` loop at line 110 runs until the process exits"
		for {
			time.Sleep(time.Second)
			refresh()
		}
	}()
}

func serveRefreshing(refresh func()) {
	http.HandleFunc("/refresh", func(w http.ResponseWriter, r *http.Request) {
		startRefresher(refresh)
	})
	os.Exit(0)
}

// Started from start-up code, in a loop over its probes: one per probe, once per process.
func startProbe(probe func()) {
	go func() {
		for {
			time.Sleep(time.Second)
			probe()
		}
	}()
}

func probeAll(probes []func()) {
	for _, probe := range probes {
		startProbe(probe)
	}
	os.Exit(0)
}

// Handed to once.Do, but also called directly by a constructor: not once.
type mirror struct{ updates chan int }

var mirrorOnce sync.Once

func (m *mirror) follow() {
	go func() { // want GL011:low "blocks on `<-m.updates` at line 149 once nobody sends"
		for {
			<-m.updates
		}
	}()
}

func newMirror() *mirror {
	m := &mirror{updates: make(chan int)}
	mirrorOnce.Do(m.follow)
	m.follow()
	return m
}

// An exported type: other packages may make more values than the package variable,
// or not. The package shows only the one start, so it is not reported.
type Limiter struct{ rate int }

var DefaultLimiter Limiter

func (l *Limiter) StartRefill(next func() int) {
	go func() {
		t := time.NewTicker(time.Second)
		for range t.C {
			l.rate = next()
		}
	}()
}

func startLimits(next func() int) {
	DefaultLimiter.StartRefill(next)
}

// The message names the send the loop waits on, not the range over a slice before it.
func watchChanges(list func() []string, out chan []string) {
	go func() { // want GL011 "blocks on the send to `out` at line 188 once nobody receives"
		for {
			var changed []string
			for _, name := range list() {
				changed = append(changed, name)
			}
			out <- changed
			time.Sleep(time.Second)
		}
	}()
}

// A Once kept in a field runs once per value: one goroutine per buffer made.
type buffer struct {
	startOnce sync.Once
	ticker    *time.Ticker
	flush     func()
}

func (b *buffer) startFlusher() {
	b.ticker = time.NewTicker(time.Minute)
	go func() { // want GL011:low "nothing closes `b.ticker.C` \(Stop does not\)"
		for range b.ticker.C {
			b.flush()
		}
	}()
}

func (b *buffer) Write() {
	b.startOnce.Do(b.startFlusher)
}

// Every watch request starts another.
func watchAll(requests chan func() []string, out chan []string) {
	for list := range requests {
		watchChanges(list, out)
	}
}

// One mirror per replica: newMirror runs again and again.
func mirrorAll(replicas []string) {
	for range replicas {
		newMirror()
	}
}

// Started from start-up code, but in a loop over a channel: once per probe that
// arrives, without end.
func startLiveProbe(probe func()) {
	go func() { // want GL011 "runs until the process exits"
		for {
			time.Sleep(time.Second)
			probe()
		}
	}()
}

func probeEach(probes <-chan func()) {
	for probe := range probes {
		startLiveProbe(probe)
	}
	os.Exit(0)
}
