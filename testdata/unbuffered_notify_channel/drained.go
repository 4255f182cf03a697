package fixtures

import (
	"log"
	"os"
	"os/signal"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

// A reader that ranges until the library closes the channel never leaves a send
// waiting.
func rangedUntilClosed(conn *amqp.Connection) {
	go func() {
		for err := range conn.NotifyClose(make(chan *amqp.Error)) {
			log.Print(err)
		}
	}()
}

func rangedResult(conn *amqp.Connection) {
	blocked := conn.NotifyBlocked(make(chan amqp.Blocking))
	go func() {
		for b := range blocked {
			if b.Active {
				log.Print(b.Reason)
			} else {
				log.Print("unblocked")
			}
		}
	}()
}

func rangedVariable(ch *amqp.Channel) {
	flow := make(chan bool)
	ch.NotifyFlow(flow)
	go func() {
		for active := range flow {
			for i := 0; i < 3; i++ {
				if active {
					break // leaves the inner loop only
				}
			}
		}
	}()
}

// The range stops at the first error: a later send blocks.
func rangedThenLeft(conn *amqp.Connection) {
	closed := make(chan *amqp.Error)
	conn.NotifyClose(closed) // want GL002 "`closed`"
	go func() {
		for err := range closed {
			log.Print(err)
			return
		}
	}()
}

// signal.Notify drops signals while the body runs, drained or not.
func signalsRanged() {
	quit := make(chan os.Signal)
	signal.Notify(quit, os.Interrupt) // want GL002 "passed to signal.Notify loses signals sent while nobody receives"
	for range quit {
		log.Print("interrupted")
	}
}

// Registered on a connection (or one of its channels) already closed: amqp closes the
// channel at once without sending.
func afterClose(conn *amqp.Connection) {
	ch, err := conn.Channel()
	if err != nil {
		return
	}
	if err := conn.Close(); err != nil {
		return
	}
	select {
	case <-conn.NotifyClose(make(chan *amqp.Error)):
	default:
	}
	<-ch.NotifyCancel(make(chan string))
}

// Closed after the registration: the close error may be sent to nobody.
func closedAfter(conn *amqp.Connection) {
	closed := conn.NotifyClose(make(chan *amqp.Error)) // want GL002 "NotifyClose"
	_ = conn.Close()
	_ = closed
}

// A reconnect loop closes the old connection, then registers on the new one.
func reconnect(dial func() (*amqp.Connection, error), done <-chan struct{}) {
	var conn *amqp.Connection
	for {
		if conn != nil {
			_ = conn.Close()
		}
		var err error
		conn, err = dial()
		if err != nil {
			return
		}
		closed := conn.NotifyClose(make(chan *amqp.Error)) // want GL002 "NotifyClose"
		select {
		case <-closed:
		case <-done:
			return
		}
	}
}

// A deferred Close runs when the function returns, not before the registration.
func deferredClose(conn *amqp.Connection) {
	defer conn.Close()
	blocked := make(chan amqp.Blocking)
	conn.NotifyBlocked(blocked) // want GL002 "`blocked`"
	select {
	case b := <-blocked:
		_ = b
	case <-time.After(time.Second):
	}
}

// Signals received only to be thrown away: Notify alone suppresses their default
// action, so one dropped while nobody receives loses nothing. Silent.
func ignoreSignals(done chan struct{}) {
	sigCh := make(chan os.Signal)
	signal.Notify(sigCh, os.Interrupt)
	go func() {
		defer signal.Stop(sigCh)
		for {
			select {
			case <-done:
				return
			case <-sigCh:
			}
		}
	}()
}

func ignoreRanged() {
	sigCh := make(chan os.Signal)
	signal.Notify(sigCh, os.Interrupt)
	go func() {
		for range sigCh {
		}
	}()
}

// A case that acts on the signal wants every one: reported.
func countSignals(done chan struct{}, count func()) {
	sigCh := make(chan os.Signal)
	signal.Notify(sigCh, os.Interrupt) // want GL002 "unbuffered channel `sigCh` \(made at line \d+\) passed to signal.Notify loses signals sent while nobody receives; give it a buffer: make\(chan os.Signal, 1\)$"
	for {
		select {
		case <-done:
			return
		case <-sigCh:
			count()
		}
	}
}

// Received from at once: amqp sends at most one close error, then closes the channel,
// and the receive waits for it.
func waitClosed(conn *amqp.Connection) {
	for {
		err := <-conn.NotifyClose(make(chan *amqp.Error))
		if err == nil {
			return
		}
		log.Print(err)
	}
}

// In a select another case may win: the registered channel is left to the sender.
func waitClosedOrDone(conn *amqp.Connection, done <-chan struct{}) {
	select {
	case err := <-conn.NotifyClose(make(chan *amqp.Error)): // want GL002 "NotifyClose"
		log.Print(err)
	case <-done:
	}
}

// A cancellation is sent once per consumer: one receive does not take them all.
func waitCancelled(ch *amqp.Channel) string {
	return <-ch.NotifyCancel(make(chan string)) // want GL002 "NotifyCancel"
}
