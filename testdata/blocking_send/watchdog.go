package fixtures

import (
	"log"
	"os"
	"time"
)

// A watchdog case that ends the process is no way out for the receiver: nothing is
// left blocked once the process is gone.
func watchdog(workers int) {
	finished := make(chan struct{})
	for i := 0; i < workers; i++ {
		go func() {
			compute()
			finished <- struct{}{}
		}()
	}
	for i := 0; i < workers; i++ {
		select {
		case <-finished:
		case <-time.After(time.Minute):
			log.Panic("no progress after a minute")
		}
	}
}

func watchdogExit() int {
	done := make(chan int)
	go func() { done <- compute() }()
	select {
	case r := <-done:
		return r
	case <-time.After(time.Second):
		os.Exit(2)
	}
	return 0
}

// A case that only logs before returning does leave the sender blocked.
func watchdogLogged() int {
	done := make(chan int)
	go func() { done <- compute() }() // want GL003 "returns through `<-time.After\(time.Second\)` at line 47"
	select {
	case r := <-done:
		return r
	case <-time.After(time.Second):
		log.Print("gave up")
		return 0
	}
}
