package fixtures

import (
	"log"

	amqp "github.com/rabbitmq/amqp091-go"
)

// Confirm mode is entered and the connection closed with nothing published: no
// confirmation can be sent, and Close closes the channel without sending.
func checkConfirmMode(conn *amqp.Connection) error {
	ch, err := conn.Channel()
	if err != nil {
		return err
	}
	acks := make(chan uint64)
	ch.NotifyConfirm(acks, acks)
	if err := ch.Confirm(false); err != nil {
		return err
	}
	return conn.Close()
}

// A publish before the Close can be confirmed while nobody receives.
func publishThenClose(conn *amqp.Connection, body []byte) {
	ch, err := conn.Channel()
	if err != nil {
		return
	}
	confirms := make(chan amqp.Confirmation)
	ch.NotifyPublish(confirms) // want GL002 "buffer it for all unconfirmed publishes"
	if err := ch.Confirm(false); err != nil {
		return
	}
	if err := ch.Publish("", "q", false, false, amqp.Publishing{Body: body}); err != nil {
		log.Print(err)
	}
	if err := ch.Close(); err != nil {
		log.Print(err)
	}
}

// The channel handed to a helper may be published on there.
func handOffThenClose(conn *amqp.Connection, publish func(*amqp.Channel)) {
	ch, err := conn.Channel()
	if err != nil {
		return
	}
	confirms := make(chan amqp.Confirmation)
	ch.NotifyPublish(confirms) // want GL002 "buffer it for all unconfirmed publishes"
	publish(ch)
	conn.Close()
}
