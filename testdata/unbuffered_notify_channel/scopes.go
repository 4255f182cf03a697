package fixtures

import (
	"log"
	"os"
	"os/signal"

	amqp "github.com/rabbitmq/amqp091-go"
)

// The unbuffered channel of the if-initializer lives only in the if statement: the
// registered ch is the buffered one.
func shadowedByIfInitializer(conn *amqp.Connection) {
	ch := make(chan *amqp.Error, 1)
	if ch := make(chan *amqp.Error); ch != nil {
		log.Print(len(ch))
	}
	conn.NotifyClose(ch)
}

// The closure registers its own parameter, made with a buffer by the caller, not the
// outer unbuffered ch.
func shadowedByClosureParameter(conn *amqp.Connection) {
	ch := make(chan *amqp.Error)
	register := func(ch chan *amqp.Error) {
		conn.NotifyClose(ch)
	}
	register(make(chan *amqp.Error, 1))
	log.Print(len(ch))
}

// A package-level unbuffered channel, registered inside a function.
var signals = make(chan os.Signal)

func waitForSignal() {
	signal.Notify(signals, os.Interrupt) // want GL002 "unbuffered channel `signals` \(made at line 33\) passed to signal.Notify loses signals"
	<-signals
}

// Re-made with a buffer before use elsewhere in the file: the value that reaches
// the call is not known here.
var reset = make(chan os.Signal)

func init() {
	reset = make(chan os.Signal, 1)
}

func waitForReset() {
	signal.Notify(reset, os.Interrupt)
	<-reset
}
