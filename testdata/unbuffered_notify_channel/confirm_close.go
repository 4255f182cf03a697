package fixtures

import (
	"log"
	"time"

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

// Every publish is confirmed to a receive that the function itself runs, one per
// publish (a range over a literal of three): the library never waits for a reader.
func receiveEachConfirmation(conn *amqp.Connection) error {
	ch, err := conn.Channel()
	if err != nil {
		log.Printf("no channel %v: %v", ch, err)
		return err
	}
	confirms := ch.NotifyPublish(make(chan amqp.Confirmation))
	if err := ch.Confirm(false); err != nil {
		return err
	}
	go func() {
		for _, body := range []string{"a", "b", "c"} {
			if err := ch.Publish("", "q", false, false, amqp.Publishing{Body: []byte(body)}); err != nil {
				log.Print(err)
			}
		}
	}()
	for range []int{1, 2, 3} {
		if c := <-confirms; !c.Ack {
			log.Print("nack")
		}
	}
	return nil
}

// One confirmation of two is received: the second send waits for a reader that is gone.
func receiveFewerConfirmations(conn *amqp.Connection) {
	ch, err := conn.Channel()
	if err != nil {
		return
	}
	confirms := ch.NotifyPublish(make(chan amqp.Confirmation)) // want GL002 "unbuffered channel passed to NotifyPublish blocks the sender forever once nobody receives; buffer it for all unconfirmed publishes"
	go func() {
		ch.Publish("", "q", false, false, amqp.Publishing{})
		ch.Publish("", "q", false, false, amqp.Publishing{})
	}()
	<-confirms
}

// A receive that a timeout can skip does not count.
func confirmationOrTimeout(conn *amqp.Connection, timeout <-chan time.Time) {
	ch, err := conn.Channel()
	if err != nil {
		return
	}
	confirms := make(chan amqp.Confirmation)
	ch.NotifyPublish(confirms) // want GL002 "unbuffered channel `confirms` \(made at line 103\) passed to NotifyPublish"
	ch.Publish("", "q", false, false, amqp.Publishing{})
	select {
	case <-confirms:
	case <-timeout:
	}
}
