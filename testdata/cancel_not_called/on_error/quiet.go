package onerror

import "context"

// Called on an error and by Close: released on both.
type conn struct {
	ctx  context.Context
	stop context.CancelFunc
}

func dialConn(parent context.Context) *conn {
	ctx, cancel := context.WithCancel(parent)
	return &conn{ctx: ctx, stop: cancel}
}

func (c *conn) send(write func(context.Context) error) error {
	if err := write(c.ctx); err != nil {
		c.stop()
		return err
	}
	return nil
}

func (c *conn) Close() error {
	c.stop()
	return nil
}

// A nil check is a read of its own: the function may be called anywhere.
type stream struct {
	ctx          context.Context
	cancelStream context.CancelFunc
	done         chan struct{}
}

func openStream(parent context.Context) *stream {
	ctx, cancel := context.WithCancel(parent)
	return &stream{ctx: ctx, cancelStream: cancel}
}

func (s *stream) recv(read func(context.Context) error) error {
	err := read(s.ctx)
	if err != nil && s.cancelStream != nil {
		s.cancelStream()
	}
	return err
}

func (s *stream) Stop() { close(s.done) }

// No method that ends it: the server runs with its context until the parent ends.
type server struct {
	ctx context.Context
	end context.CancelFunc
}

func startServer(parent context.Context, listen func() error) (*server, error) {
	ctx, cancel := context.WithCancel(parent)
	s := &server{ctx: ctx, end: cancel}
	if err := listen(); err != nil {
		s.end()
		return nil, err
	}
	return s, nil
}

// A root parent: nothing registers the child.
type rootGroup struct {
	ctx        context.Context
	cancelRoot context.CancelFunc
	done       chan struct{}
}

func newRootGroup() *rootGroup {
	ctx, cancel := context.WithCancel(context.Background())
	return &rootGroup{ctx: ctx, cancelRoot: cancel}
}

func (g *rootGroup) run(f func(context.Context) error) {
	if err := f(g.ctx); err != nil {
		g.cancelRoot()
	}
}

func (g *rootGroup) Wait() { <-g.done }

// Called on the success path too (`if err == nil`).
type worker struct {
	ctx        context.Context
	cancelWork context.CancelFunc
	done       chan struct{}
}

func newWorker(parent context.Context) *worker {
	ctx, cancel := context.WithCancel(parent)
	return &worker{ctx: ctx, cancelWork: cancel}
}

func (w *worker) run(f func(context.Context) error) {
	if err := f(w.ctx); err == nil {
		w.cancelWork()
	}
}

func (w *worker) Wait() { <-w.done }
