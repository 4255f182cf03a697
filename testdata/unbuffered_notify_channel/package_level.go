package fixtures

import (
	"context"
	"os"
	"os/signal"

	amqp "github.com/rabbitmq/amqp091-go"
)

var (
	interrupts = make(chan os.Signal)
	buffered   = make(chan os.Signal, 1)
	blocked    = make(chan amqp.Blocking)
	resized    = make(chan os.Signal)
)

func init() {
	resized = make(chan os.Signal, 1) // given a buffer before any registration
}

// A package-level channel made unbuffered, registered inside a function.
func watchInterrupts() {
	signal.Notify(interrupts, os.Interrupt) // want GL002 "unbuffered channel `interrupts` \(made at line 12\) passed to signal.Notify loses signals"
	<-interrupts
}

func watchBlocked(conn *amqp.Connection) {
	conn.NotifyBlocked(blocked) // want GL002 "unbuffered channel `blocked` \(made at line 14\) passed to NotifyBlocked blocks the sender forever"
}

func watchBuffered() {
	signal.Notify(buffered, os.Interrupt)
	signal.Notify(resized, os.Interrupt)
}

// A parameter shadows the package variable.
func watchParameter(interrupts chan os.Signal) {
	signal.Notify(interrupts, os.Interrupt)
}

// A local shadows it too.
func watchLocal() {
	blocked := make(chan amqp.Blocking, 1)
	_ = blocked
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
}

// Registered and closed at once: nothing can be sent before the Close, and amqp closes
// the registered channel without sending.
func probe(conn *amqp.Connection) error {
	closed := make(chan *amqp.Error)
	conn.NotifyClose(closed)
	return conn.Close()
}

func probeStatement(conn *amqp.Connection) {
	closed := make(chan *amqp.Error)
	conn.NotifyClose(closed)
	conn.Close()
}

// Something that uses the connection runs in between: it can fail and notify.
func publishThenClose(ctx context.Context, conn *amqp.Connection, ch *amqp.Channel) {
	closed := make(chan *amqp.Error)
	conn.NotifyClose(closed) // want GL002 "unbuffered channel `closed`"
	ch.PublishWithContext(ctx, "", "q", false, false, amqp.Publishing{})
	_ = conn
	conn.Close()
}

// One confirmation per publish: a buffer of one is not the advice.
func confirmAll(ch *amqp.Channel) {
	confirms := ch.NotifyPublish(make(chan amqp.Confirmation)) // want GL002 "passed to NotifyPublish blocks the sender forever once nobody receives; buffer it for all unconfirmed publishes"
	<-confirms
}

var hangups = make(chan os.Signal)

// A local of the same name set again is not the package variable: `hangups` still
// holds its unbuffered make when it is registered.
func watchHangups() {
	signal.Notify(hangups, os.Interrupt) // want GL002 "unbuffered channel `hangups` \(made at line \d+\) passed to signal.Notify loses signals"
	<-hangups
}

func drainLocal() {
	var hangups chan os.Signal
	hangups = make(chan os.Signal, 1)
	_ = hangups
}
