package fixes

import (
	"os"
	"os/signal"

	amqp "github.com/rabbitmq/amqp091-go"
)

type watcher struct {
	conn   *amqp.Connection
	closed chan *amqp.Error
}

func newWatcher(conn *amqp.Connection) *watcher {
	w := &watcher{conn: conn}
	w.closed = make(chan *amqp.Error)
	conn.NotifyClose(w.closed) // want GL002
	return w
}

func signals() chan os.Signal {
	c := make(chan os.Signal)
	signal.Notify(c, os.Interrupt) // want GL002
	return c
}

func returns(ch *amqp.Channel) {
	ch.NotifyReturn(make(chan amqp.Return, 0)) // want GL002
}

// No fix: one confirmation per published message; no size is known to be enough.
func confirms(ch *amqp.Channel) chan amqp.Confirmation {
	c := make(chan amqp.Confirmation)
	ch.NotifyPublish(c) // want GL002
	return c
}

// No fix: other code of the package may use a package-level channel as a rendezvous.
var stops = make(chan os.Signal)

func watchStops() {
	signal.Notify(stops, os.Interrupt) // want GL002
	<-stops
}
