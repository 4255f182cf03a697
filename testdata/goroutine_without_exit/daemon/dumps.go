package daemon

import (
	"flag"
	"time"
)

// Started by the constructor in daemon.go, which runs once per process.
func (d *Daemon) watchDumps() {
	go func() {
		for {
			time.Sleep(time.Second)
			dump(d.root)
		}
	}()
}

func dump(root string) {}

// Started for a Plugin, which Close ends; the goroutine outlives it.
func (p *Plugin) listen() {
	go func() { // want GL011 "blocks on `<-p.events` at line 24 once nobody sends"
		for {
			<-p.events
		}
	}()
}

// An exported constructor that only the package's set-up code calls (serve parses
// the command line): a part of the process it sets up.
type Publisher struct{ queue chan string }

func NewPublisher() *Publisher {
	p := &Publisher{queue: make(chan string, 8)}
	go func() {
		for {
			forward(<-p.queue)
		}
	}()
	return p
}

func forward(string) {}

func serve() {
	flag.Parse()
	p := NewPublisher()
	p.queue <- "ready"
}

// An exported constructor that the package also calls outside its set-up code, once
// (Relay), and that other packages may call any number of times, or once: the
// package does not show it started again, so it is not reported.
type Forwarder struct{ queue chan string }

func NewForwarder() *Forwarder {
	f := &Forwarder{queue: make(chan string, 8)}
	go func() {
		for {
			forward(<-f.queue)
		}
	}()
	return f
}

func serveForwarder() {
	flag.Parse()
	NewForwarder()
}

func Relay() *Forwarder { return NewForwarder() }
