package cache

// A link's keeper is started by Run, which the server calls through an interface;
// the server's handler opens a link per request through a registry, a field of a
// type the handler's file does not declare. Close does something: each request's
// link leaves its keeper behind. Reported.
type Link struct {
	beats chan struct{}
	done  chan struct{}
}

func NewLink() *Link {
	return &Link{beats: make(chan struct{}), done: make(chan struct{})}
}

func (l *Link) Run() {
	go l.keep() // want GL011 "blocks on `<-l.beats`"
}

func (l *Link) keep() {
	for {
		<-l.beats
	}
}

func (l *Link) Close() error {
	close(l.done)
	return nil
}

type Registry struct{ opened int }

func (r *Registry) OpenLink() *Link {
	r.opened++
	return NewLink()
}
