package fixtures

import amqp "github.com/rabbitmq/amqp091-go"

// A registry of the package whose only send on a registered channel selects on quit:
// it cannot block forever, and nothing this file shows sends bare.
type registry struct {
	quit  chan struct{}
	hodls map[string]chan<- string
}

func (r *registry) NotifyHold(id string, hodl chan<- string) {
	r.hodls[id] = hodl
}

func (r *registry) settle(id string) {
	select {
	case r.hodls[id] <- "settled":
	case <-r.quit:
	}
}

type harness struct{ registry *registry }

func holdThroughField(h *harness) string {
	hodl := make(chan string)
	h.registry.NotifyHold("a", hodl) // want GL002:low
	return <-hodl
}

// A library's registration through a field of another package's type stays shown.
type consumer struct{ conn *amqp.Connection }

func watchClose(c *consumer) {
	closed := make(chan *amqp.Error)
	c.conn.NotifyClose(closed) // want GL002
	go func() { <-closed }()
}
