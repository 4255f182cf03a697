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

// A command that starts a goroutine per item, in a loop, leaks one per item.
func watchAll(paths []string, changed chan<- string) {
	for _, p := range paths {
		go func(p string) { // want GL011 "goroutine never returns"
			for {
				time.Sleep(time.Second)
				changed <- p
			}
		}(p)
	}
}
