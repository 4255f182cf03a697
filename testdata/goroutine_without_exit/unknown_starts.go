package fixtures

import (
	"net/http"
	"time"
)

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

func (s *session) Close() {}

func OpenSession() *session {
	s := &session{pings: make(chan int)}
	go func() { // want GL011 "goroutine never returns: its `for \{\}` loop at line 73 blocks on `<-s.pings` at line 74 once nobody sends"
		for {
			<-s.pings
		}
	}()
	return s
}

// Handed on as a method value: a handler runs per request.
type server struct{ events chan string }

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	go func() { // want GL011 "blocks on `<-s.events` at line 86 once nobody sends"
		for {
			<-s.events
		}
	}()
}

func (s *server) routes(mux *http.ServeMux) {
	mux.HandleFunc("/", s.serve)
}
