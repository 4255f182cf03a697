package cache

// A conn's pinger is started by Run, which the server calls through an interface
// (not seen); but the server's handler makes a conn for each request, and Close does
// something: each request's conn leaves its pinger behind. Reported.
type Conn struct {
	pings chan struct{}
	done  chan struct{}
}

func NewConn() *Conn {
	return &Conn{pings: make(chan struct{}), done: make(chan struct{})}
}

func (c *Conn) Run() {
	go c.ping() // want GL011 "blocks on `<-c.pings`"
}

func (c *Conn) ping() {
	for {
		<-c.pings
	}
}

func (c *Conn) Close() error {
	close(c.done)
	return nil
}
