package fixtures

type turnConn struct{}

func (c *turnConn) wait() {}

type turnTaker struct {
	conn  *turnConn
	turns chan int
}

func newTurnTaker() *turnTaker {
	t := &turnTaker{conn: &turnConn{}, turns: make(chan int)}
	go t.loop()
	return t
}

// The loop leaves only once conn is nil, and Close closes turns right after
// clearing it: a later send panics, it does not wait forever.
func (t *turnTaker) loop() {
	for {
		if t.conn == nil {
			return
		}
		n, ok := <-t.turns
		if !ok {
			continue
		}
		t.conn.wait()
		_ = n
	}
}

func (t *turnTaker) Ask() {
	t.turns <- 1
}

func (t *turnTaker) Close() {
	t.turns <- 0
	t.conn = nil
	close(t.turns)
}

type dropConn struct{}

type dropTaker struct {
	conn  *dropConn
	turns chan int
}

func newDropTaker() *dropTaker {
	t := &dropTaker{conn: &dropConn{}, turns: make(chan int)}
	go t.loop()
	return t
}

// Reset clears conn without closing turns: the loop leaves and Ask waits forever.
func (t *dropTaker) loop() {
	for {
		if t.conn == nil {
			return
		}
		n := <-t.turns
		_ = n
	}
}

func (t *dropTaker) Ask() {
	t.turns <- 1 // want GL003
}

func (t *dropTaker) Reset() {
	t.conn = nil
}
