package amqpold

import amqp "github.com/rabbitmq/amqp091-go"

// Before v1.12.0 amqp091's shutdown sends the close error bare, holding the
// connection's mutex.
func watchClose(conn *amqp.Connection) {
	closed := make(chan *amqp.Error)
	conn.NotifyClose(closed) // want GL002
	go func() {
		for {
			select {
			case <-closed:
				return
			default:
			}
		}
	}()
}
