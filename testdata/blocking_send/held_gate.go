package fixtures

// As gate_caller.go: a reader hands each frame over with a function that lets it read
// the next one. Here the serving loop closes, when it returns, the serveDone of its
// server, another struct type's field of the same name, not the conn's own that the
// reader waits on: the reader can leave while the loop still makes the call. Reported.
type heldFrame struct {
	data   []byte
	readOn func()
}

type heldServer struct {
	serveDone chan struct{}
}

type heldConn struct {
	srv       *heldServer
	frames    chan heldFrame
	serveDone chan struct{}
}

func (c *heldConn) readFrame() []byte { return nil }

func (c *heldConn) readLoop() {
	gate := make(chan struct{})
	gateDone := func() { gate <- struct{}{} } // want GL003 "returns through `<-c.serveDone`"
	for {
		data := c.readFrame()
		select {
		case c.frames <- heldFrame{data, gateDone}:
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

func (c *heldConn) serve() {
	defer close(c.srv.serveDone)
	go c.readLoop()
	for f := range c.frames {
		if len(f.data) == 0 {
			return
		}
		f.readOn()
	}
}

// The conn's own serveDone closed by the serving loop; a field named like the
// frame's (readNext) of another struct type is called elsewhere, with no close: that
// call is not of the frame's function. Silent.
type keptFrame struct {
	data     []byte
	readNext func()
}

type keptPoller struct {
	readNext func()
}

func (p *keptPoller) poll() { p.readNext() }

type keptConn struct {
	frames    chan keptFrame
	serveDone chan struct{}
}

func (c *keptConn) readFrame() []byte { return nil }

func (c *keptConn) readLoop() {
	gate := make(chan struct{})
	gateDone := func() { gate <- struct{}{} }
	for {
		data := c.readFrame()
		select {
		case c.frames <- keptFrame{data, gateDone}:
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

func (c *keptConn) serve() {
	defer close(c.serveDone)
	go c.readLoop()
	for f := range c.frames {
		if len(f.data) == 0 {
			return
		}
		f.readNext()
	}
}
