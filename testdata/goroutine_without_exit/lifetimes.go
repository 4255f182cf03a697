package fixtures

import (
	"log"
	"os"
	"os/signal"
	"sync"
	"time"
)

// A ticker's channel is never closed, not even by Stop: the range never ends.
func startReporter(report func()) {
	go func() { // want GL011 "its range loop at line 15 has no return or break and nothing closes `t.C` \(Stop does not\)"
		t := time.NewTicker(time.Minute)
		for range t.C {
			report()
		}
	}()
}

// time.Tick's ticker can never be stopped: its author meant the loop to run as long
// as the process (as staticcheck's SA1015 allows in an endless function).
func startTick(report func()) {
	go func() {
		for now := range time.Tick(time.Second) {
			log.Print(now)
		}
	}()
}

// Started per name that arrives on a channel, without end: each a loop for the process's life.
func startTicks(names <-chan string) {
	for name := range names {
		go func(name string) { // want GL011 "its range loop at line 35 has no return or break and nothing closes a `time.Tick` channel"
			for range time.Tick(time.Second) {
				log.Print(name)
			}
		}(name)
	}
}

// A signal handler: meant to live as long as the process.
func watchSignals(reload func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, os.Interrupt)
	go func() {
		for range hup {
			reload()
		}
	}()
}

// A local channel that nobody closes and that never leaves the function.
func startCounter(count func(int)) {
	events := make(chan int, 8)
	go func() { // want GL011 "nothing closes `events`"
		for n := range events {
			count(n)
		}
	}()
	events <- 1
}

// A local channel that its owner closes: the range ends.
func drainClosed(items []int, use func(int)) {
	ch := make(chan int)
	go func() {
		for v := range ch {
			use(v)
		}
	}()
	for _, item := range items {
		ch <- item
	}
	close(ch)
}

// Handed to a producer, which may close it.
func drainProduced(produce func(chan<- int), use func(int)) {
	ch := make(chan int)
	go func() {
		for v := range ch {
			use(v)
		}
	}()
	produce(ch)
}

// A ranged ticker loop that returns stops.
func startBounded(report func() bool) {
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for range t.C {
			if !report() {
				return
			}
		}
	}()
}

var startOnce sync.Once

// Started once for the whole process.
func startJanitor(clean func()) {
	startOnce.Do(func() {
		go func() {
			for {
				time.Sleep(time.Minute)
				clean()
			}
		}()
	})
}

// Started from init: lives as long as the program.
func init() {
	go func() {
		for range time.Tick(time.Hour) {
			log.Print("still alive")
		}
	}()
}

// A select with a default case spins; it does not wait.
func startSpinner(in chan int, use func(int)) {
	go func() { // want GL011 "spins in the select at line \d+"
		for {
			select {
			case v := <-in:
				use(v)
			default:
			}
		}
	}()
}

// A range inside the loop may be over a slice: it is not called a receive.
func startSweeper(items []string, use func(string)) {
	go func() { // want GL011 "runs the range at line \d+ again and again"
		for {
			for _, item := range items {
				use(item)
			}
		}
	}()
}

// Each tenant starts its own set of the goroutines above: the package shows them
// started again and again.
func perTenant(tenants <-chan string) {
	for range tenants {
		startReporter(func() {})
		startCounter(func(int) {})
		startSpinner(nil, func(int) {})
		startSweeper(nil, func(string) {})
	}
}

// Goroutines meant to run as long as the process, whose one start only another
// package shows: an application's constructor, a checker registered at start-up, a
// debug detector. The package does not show them started more than once, so they
// are not reported.
type App struct{ purge func() }

func NewApp(purge func()) *App {
	app := &App{purge: purge}
	startPurger(app)
	return app
}

func startPurger(app *App) {
	go func() {
		for {
			time.Sleep(time.Hour)
			app.purge()
		}
	}()
}

func PeriodicCheck(check func() error, period time.Duration) {
	go func() {
		t := time.NewTicker(period)
		for {
			<-t.C
			_ = check()
		}
	}()
}

// A method of the same name on another type, called in a loop, says nothing about
// how often this one runs.
type detector struct{ warn time.Duration }

func (d *detector) Watch(name string) {
	go func() {
		for {
			time.Sleep(d.warn)
			_ = name
		}
	}()
}

type folder struct{}

func (f *folder) Watch(name string) {}

func StartDetector(names []string) {
	d := &detector{warn: time.Minute}
	d.Watch("model")
	var f *folder
	for _, name := range names {
		f.Watch(name)
	}
}

// A value its owner closes: the goroutine serving it outlives Close.
type session struct{ pings chan int }

func (s *session) Close() { closedSessions++ }

func OpenSession() *session {
	s := &session{pings: make(chan int)}
	go func() { // want GL011 "goroutine never returns: its `for \{\}` loop at line 225 blocks on `<-s.pings` at line 226 once nobody sends"
		for {
			<-s.pings
		}
	}()
	return s
}

// Handed on as a method value: a callback may run any number of times.
type server struct{ events chan string }

func register(callback func()) {}

func (s *server) serve() {
	go func() { // want GL011:low "blocks on `<-s.events` at line 240 once nobody sends"
		for {
			<-s.events
		}
	}()
}

func (s *server) routes() {
	register(s.serve)
}

// time.NewTicker(d).C with the ticker never kept: nothing can stop it either, so the
// loop is meant for the life of the process.
func startUnkeptTicker(report func()) {
	go func() {
		for range time.NewTicker(time.Minute).C {
			report()
		}
	}()
}

// The same, started once per name that arrives.
func startUnkeptTickers(names <-chan string) {
	for name := range names {
		go func(name string) { // want GL011 "nothing closes the `C` of an unkept `time.NewTicker`"
			for range time.NewTicker(time.Second).C {
				log.Print(name)
			}
		}(name)
	}
}

// A ticker handed in is known by its declared type: Stop on it does not end the range,
// and the checker has a Stop that the goroutine outlives.
type checker struct {
	check func()
}

func (c *checker) run(ticker *time.Ticker) {
	go func() { // want GL011 "nothing closes `ticker.C` \(Stop does not\)"
		for range ticker.C {
			c.check()
		}
	}()
}

func (c *checker) Stop(ticker *time.Ticker) { ticker.Stop() }

// The worker returns at once unless enabled: it does return on that path, so "never
// returns" would be false.
type deleter struct {
	enabled bool
	ticker  *time.Ticker
	sweep   func()
}

func (d *deleter) worker() {
	if !d.enabled {
		return
	}
	for range d.ticker.C {
		d.sweep()
	}
}

func (d *deleter) Start() { go d.worker() }

func (d *deleter) Close() { d.ticker.Stop() }

var closedSessions int
