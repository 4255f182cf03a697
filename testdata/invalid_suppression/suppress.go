package fixtures

import amqp "github.com/rabbitmq/amqp091-go"

func suppressedSameLine(conn *amqp.Connection) {
	conn.NotifyClose(make(chan *amqp.Error)) //goleaklint:ignore GL002 the reader never stops in this daemon
}

func suppressedLineAbove(conn *amqp.Connection) {
	//goleaklint:ignore unbuffered-notify-channel the reader never stops in this daemon
	conn.NotifyClose(make(chan *amqp.Error))
}

func suppressedByNolint(conn *amqp.Connection) {
	conn.NotifyClose(make(chan *amqp.Error)) //nolint:goleaklint // reader lives forever
	conn.NotifyClose(make(chan *amqp.Error)) //nolint:all
	conn.NotifyClose(make(chan *amqp.Error)) //nolint
}

func nolintForAnotherLinter(conn *amqp.Connection) {
	conn.NotifyClose(make(chan *amqp.Error)) //nolint:errcheck // want GL002
}

// The directive is too far away: two lines above.
func tooFar(conn *amqp.Connection) {
	//goleaklint:ignore GL002 too far away // want GL000 "suppresses nothing"

	conn.NotifyClose(make(chan *amqp.Error)) // want GL002
}

func noReason(conn *amqp.Connection) {
	conn.NotifyClose(make(chan *amqp.Error)) //goleaklint:ignore GL002 // want GL000 "gives no reason"
}

func noCode(conn *amqp.Connection) {
	conn.NotifyClose(make(chan *amqp.Error)) //goleaklint:ignore // want GL000 "names no rule" GL002
}

func unknownCode(conn *amqp.Connection) {
	conn.NotifyClose(make(chan *amqp.Error)) //goleaklint:ignore GL999 typo // want GL000 "unknown rule GL999" GL002
}

func unused() {
	x := 1 //goleaklint:ignore GL002 nothing here // want GL000 "suppresses nothing"
	_ = x
}

func inString(conn *amqp.Connection) {
	s := "//goleaklint:ignore GL002 this is a string, not a comment"
	_ = s
	conn.NotifyClose(make(chan *amqp.Error)) // want GL002
}
