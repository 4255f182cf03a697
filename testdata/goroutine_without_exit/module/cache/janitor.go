package cache

// A janitor's Close does something, so a library's users could close one and make
// another, each leaving its sweeper behind; but the module is an application, whose
// own code would show a second janitor, and its only call of NewJanitor is in the
// service's serve command, which main runs from a table: how often, the code does not
// show. Low.
type Janitor struct {
	expired chan string
	done    chan struct{}
	items   map[string]int
}

func NewJanitor() *Janitor {
	j := &Janitor{expired: make(chan string), done: make(chan struct{}), items: map[string]int{}}
	go j.sweep() // want GL011:low "blocks on `<-j.expired`"
	return j
}

func (j *Janitor) sweep() {
	for {
		key := <-j.expired
		delete(j.items, key)
	}
}

func (j *Janitor) Close() error {
	close(j.done)
	return nil
}

// A session's Close does something too, and the server makes one per request it
// handles: each leaves its reader behind. Reported.
type Session struct {
	frames chan []byte
	done   chan struct{}
}

func NewSession() *Session {
	s := &Session{frames: make(chan []byte), done: make(chan struct{})}
	go s.read() // want GL011 "blocks on `<-s.frames`"
	return s
}

func (s *Session) read() {
	for {
		frame := <-s.frames
		_ = frame
	}
}

func (s *Session) Close() error {
	close(s.done)
	return nil
}
