package poller

import (
	"log"
	"time"
)

// A command's helper package sets its pollers up once; they end with the process.
func startHealthPoller(check func() error) {
	go func() {
		for {
			time.Sleep(time.Second)
			if err := check(); err != nil {
				log.Print(err)
			}
		}
	}()
}

// A command that starts one poller per path of its list: a loop over a collection
// runs once per element, so each poller is started once and ends with the process.
func watchAll(paths []string, changed chan<- string) {
	for _, p := range paths {
		go func(p string) {
			for {
				time.Sleep(time.Second)
				changed <- p
			}
		}(p)
	}
}

// One poller per path that arrives: the loop can go round without end, and each
// round leaves another poller behind.
func watchEach(paths <-chan string, changed chan<- string) {
	for p := range paths {
		go func(p string) { // want GL011 "goroutine never returns"
			for {
				time.Sleep(time.Second)
				changed <- p
			}
		}(p)
	}
}
