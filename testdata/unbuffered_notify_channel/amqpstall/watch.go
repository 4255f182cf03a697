package amqpstall

import amqp "github.com/rabbitmq/amqp091-go"

// Since v1.13.0 amqp091 waits 5 s for each listener of a notification, then drops it:
// the reader stalls, it is not wedged for good.
func watchBlocked(conn *amqp.Connection, ch *amqp.Channel) {
	blocked := make(chan amqp.Blocking)
	conn.NotifyBlocked(blocked)             // want GL002:low "passed to NotifyBlocked stalls amqp's reader 5 s per notification"
	ch.NotifyReturn(make(chan amqp.Return)) // want GL002:low "stalls amqp's reader"
	ch.NotifyClose(make(chan *amqp.Error))
}
