package fixtures

import (
	"os"
	"os/signal"
	"syscall"

	amqp "github.com/rabbitmq/amqp091-go"
)

type session struct {
	conn            *amqp.Connection
	channel         *amqp.Channel
	notifyConnClose chan *amqp.Error
	notifyChanClose chan *amqp.Error
	notifyConfirm   chan amqp.Confirmation
}

// The incident: a struct field made unbuffered, then registered.
func (s *session) changeConnection(conn *amqp.Connection) {
	s.conn = conn
	s.notifyConnClose = make(chan *amqp.Error)
	s.conn.NotifyClose(s.notifyConnClose) // want GL002 "unbuffered channel `s.notifyConnClose` \(made at line 22\) passed to NotifyClose"
}

func (s *session) changeChannel(ch *amqp.Channel) {
	s.channel = ch
	s.notifyChanClose = make(chan *amqp.Error, 1)
	s.notifyConfirm = make(chan amqp.Confirmation, 1)
	s.channel.NotifyClose(s.notifyChanClose)
	s.channel.NotifyPublish(s.notifyConfirm)
}

func inlineMake(conn *amqp.Connection) chan *amqp.Error {
	return conn.NotifyClose(make(chan *amqp.Error)) // want GL002 "unbuffered channel passed to NotifyClose"
}

func inlineBuffered(conn *amqp.Connection) chan *amqp.Error {
	return conn.NotifyClose(make(chan *amqp.Error, 1))
}

func zeroCapacity(ch *amqp.Channel) {
	returns := make(chan amqp.Return, 0)
	ch.NotifyReturn(returns) // want GL002 "`returns`"
	for r := range returns {
		if r.ReplyCode != 0 {
			break // the reader stops early: the next return blocks the library
		}
	}
}

func manyNotifications(conn *amqp.Connection, ch *amqp.Channel) {
	blocked := make(chan amqp.Blocking)
	flow := make(chan bool)
	cancels := make(chan string, 4)
	conn.NotifyBlocked(blocked) // want GL002 "NotifyBlocked"
	ch.NotifyFlow(flow)         // want GL002 "NotifyFlow"
	ch.NotifyCancel(cancels)
}

// The capacity is not a literal: the author chose a buffer, trust it.
func sizedByVariable(ch *amqp.Channel, n int) {
	confirms := ch.NotifyPublish(make(chan amqp.Confirmation, n))
	_ = confirms
}

// A channel from a parameter: its origin is not visible here.
func fromParameter(conn *amqp.Connection, closed chan *amqp.Error) {
	conn.NotifyClose(closed)
}

// Re-made with a buffer before the call: the last binding decides.
func remadeBuffered(conn *amqp.Connection) {
	closed := make(chan *amqp.Error)
	_ = closed
	closed = make(chan *amqp.Error, 1)
	conn.NotifyClose(closed)
}

// Made buffered, then rebound to an unbuffered channel.
func remadeUnbuffered(conn *amqp.Connection) {
	closed := make(chan *amqp.Error, 1)
	closed = make(chan *amqp.Error)
	conn.NotifyClose(closed) // want GL002 "made at line 83"
}

// Shadowing: the inner, buffered `closed` is the one passed.
func shadowed(conn *amqp.Connection) {
	closed := make(chan *amqp.Error)
	_ = closed
	{
		closed := make(chan *amqp.Error, 1)
		conn.NotifyClose(closed)
	}
}

// The buffered `closed` lives only inside the if block.
func shadowedInBranch(conn *amqp.Connection, retry bool) {
	closed := make(chan *amqp.Error)
	if retry {
		closed := make(chan *amqp.Error, 1)
		_ = closed
	}
	conn.NotifyClose(closed) // want GL002 "made at line 99"
}

// A Notify* method that takes no channel.
func notANotifyChannel(n interface{ NotifyAll(msg string) }) {
	msg := "done"
	n.NotifyAll(msg)
}

// The closure registers a channel made unbuffered in the enclosing function.
func inClosure(conn *amqp.Connection) {
	closed := make(chan *amqp.Error)
	register := func() {
		conn.NotifyClose(closed) // want GL002 "`closed`"
	}
	register()
}

func signals() {
	quit := make(chan os.Signal)
	signal.Notify(quit, syscall.SIGTERM) // want GL002 "passed to signal.Notify loses signals sent while nobody receives"
	<-quit
}

func signalsBuffered() {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	<-quit
}

// Nobody can receive from an inline channel: the registration only swallows the signals.
func signalsInline() {
	signal.Notify(make(chan os.Signal), os.Interrupt)
}

func sameChannelTwice(ch *amqp.Channel) {
	confirms := make(chan uint64)
	ch.NotifyConfirm(confirms, confirms) // want GL002 "`confirms`.* buffer it for all unconfirmed publishes"
}
