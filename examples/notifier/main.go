// Command notifier watches a RabbitMQ connection and the process's signals.
// It is goleaklint's example: `goleaklint check examples/` reports its leaks.
package main

import (
	"log"
	"os"
	"os/signal"

	amqp "github.com/rabbitmq/amqp091-go"
)

type watcher struct {
	conn            *amqp.Connection
	notifyConnClose chan *amqp.Error
}

func (w *watcher) watch() {
	w.notifyConnClose = make(chan *amqp.Error)
	w.conn.NotifyClose(w.notifyConnClose)
}

func main() {
	conn, err := amqp.Dial("amqp://guest:guest@localhost:5672/")
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	w := &watcher{conn: conn}
	w.watch()

	blocked := make(chan amqp.Blocking)
	conn.NotifyBlocked(blocked)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	select {
	case <-stop:
	case err := <-w.notifyConnClose:
		log.Print(err)
	case b := <-blocked:
		log.Print(b.Reason)
	}
}
