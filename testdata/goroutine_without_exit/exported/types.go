package exported

import "os"

// Feed hands the values it publishes to Items; Close ends the feed but leaves Items open.
type Feed struct {
	Items chan string
	dir   string
}

func NewFeed(dir string) *Feed {
	return &Feed{Items: make(chan string), dir: dir}
}

func (f *Feed) Publish(s string) {
	f.Items <- s
}

func (f *Feed) Close() error {
	return os.RemoveAll(f.dir)
}

// Stream's Stop closes Out.
type Stream struct {
	Out chan int
}

func NewStream() *Stream {
	return &Stream{Out: make(chan int)}
}

func (s *Stream) Emit(v int) {
	s.Out <- v
}

func (s *Stream) Stop() {
	close(s.Out)
}

// Bus has no method that ends it: its users decide when Events is closed.
type Bus struct {
	Events chan int
}

func (b *Bus) Post(v int) {
	b.Events <- v
}

// Sink's users send to In, and close it: the package only reads it.
type Sink struct {
	In    chan int
	total int
}

func (s *Sink) Shutdown() {
	s.total = 0
}
