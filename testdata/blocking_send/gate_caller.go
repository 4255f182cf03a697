package fixtures

// A reader that hands each frame over with a function that lets it read the next one,
// and waits for that call or for the serving loop's end. Only the serving loop calls
// the function, and it closes serveDone only when it returns: while it can still make
// the call, the reader has not left. Silent.
type gatedFrame struct {
	data       []byte
	resumeRead func()
}

type gatedConn struct {
	frames    chan gatedFrame
	serveDone chan struct{}
}

func (c *gatedConn) readFrame() []byte { return nil }

func (c *gatedConn) readLoop() {
	gate := make(chan struct{})
	gateDone := func() { gate <- struct{}{} }
	for {
		data := c.readFrame()
		select {
		case c.frames <- gatedFrame{data, gateDone}:
		case <-c.serveDone:
			return
		}
		select {
		case <-gate:
		case <-c.serveDone:
			return
		}
	}
}

func (c *gatedConn) serve() {
	defer close(c.serveDone)
	go c.readLoop()
	for f := range c.frames {
		if len(f.data) == 0 {
			return
		}
		f.resumeRead()
	}
}

// Here the function is also called from a goroutine of its own, which can run after
// serve has returned and closed serveDone. Reported.
type loosePage struct {
	data   []byte
	pageOn func()
}

type looseConn struct {
	pages     chan loosePage
	serveDone chan struct{}
}

func (c *looseConn) readPage() []byte { return nil }

func (c *looseConn) readLoop() {
	gate := make(chan struct{})
	gateDone := func() { gate <- struct{}{} } // want GL003 "returns through `<-c.serveDone`"
	for {
		data := c.readPage()
		select {
		case c.pages <- loosePage{data: data, pageOn: gateDone}:
		case <-c.serveDone:
			return
		}
		select {
		case <-gate:
		case <-c.serveDone:
			return
		}
	}
}

func (c *looseConn) serve() {
	defer close(c.serveDone)
	go c.readLoop()
	for p := range c.pages {
		if len(p.data) == 0 {
			return
		}
		go p.pageOn()
	}
}
