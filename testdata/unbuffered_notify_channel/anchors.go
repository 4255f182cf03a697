package fixtures

import (
	"os"
	"os/signal"
)

type conn struct{}

func (conn) CloseNotify() <-chan bool { return nil }

// A name holding `Notify` past its start registers nothing: the file is read for
// the registration below only.
func closeNotify(c conn) {
	<-c.CloseNotify()
}

// Notify at the start of the name, its arguments on the next line.
func registeredBelow() {
	c := make(chan os.Signal)
	signal.Notify( // want GL002 "unbuffered channel `c` \(made at line 20\) passed to signal.Notify loses signals"
		c, os.Interrupt)
	<-c
}
