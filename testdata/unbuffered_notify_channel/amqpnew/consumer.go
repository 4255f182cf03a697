package amqpnew

import (
	amqp091 "github.com/rabbitmq/amqp091-go"
	"github.com/streadway/amqp"
)

// Since amqp091 v1.12.0 a connection's or a channel's shutdown sends the close error
// with select/default, else from a goroutine that gives up after 5 s: an unbuffered
// NotifyClose channel cannot block it.
func watchClose(conn *amqp091.Connection) error {
	closed := make(chan *amqp091.Error)
	conn.NotifyClose(closed)
	ch, err := conn.Channel()
	if err != nil {
		return err
	}
	ch.NotifyClose(make(chan *amqp091.Error))
	// The library only closes a recovery-cancel channel, it never sends on it.
	ch.NotifyRecoveryCancel(make(chan struct{}))
	conn.NotifyRecoveryCancel(make(chan struct{}))
	// A blocked notification is still sent bare in v1.12.0.
	conn.NotifyBlocked(make(chan amqp091.Blocking)) // want GL002
	return nil
}

// streadway/amqp's shutdown sends bare, whatever amqp091 release the module requires.
func watchOld(conn *amqp.Connection) {
	conn.NotifyClose(make(chan *amqp.Error)) // want GL002
}
