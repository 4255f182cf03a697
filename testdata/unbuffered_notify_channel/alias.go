package fixtures

import (
	"os"
	"os/signal"
)

// The registration is called through a name bound to signal.Notify.
func notifyThroughName() {
	c := make(chan os.Signal)
	notify := signal.Notify
	notify(c, os.Interrupt) // want GL002 "unbuffered channel `c` \(made at line 10\) passed to signal.Notify loses signals"
	<-c
}

func notifyThroughNameBuffered() {
	c := make(chan os.Signal, 1)
	notify := signal.Notify
	notify(c, os.Interrupt)
	<-c
}

// A name bound to another function is not a registration.
func otherName(c chan os.Signal) {
	notify := signal.Reset
	notify(os.Interrupt)
}
