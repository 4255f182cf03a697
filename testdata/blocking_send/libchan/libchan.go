package libchan

import "container/list"

// The channel comes from a call the package does not declare: how it is made (and
// whether it has a buffer) is not shown, so the finding is low and states no buffer.
type sniffer struct {
	packets chan *list.Element
	running bool
}

type source interface {
	Elements() chan *list.Element
}

func (s *sniffer) Start(src source) {
	s.packets = src.Elements()
	go func() {
		for e := range s.packets {
			if !s.running {
				break
			}
			_ = e
		}
	}()
}

func (s *sniffer) Stop() {
	s.running = false
	s.packets <- nil // want GL003:low "send on `s.packets` blocks forever once any buffer it has fills if its receiver"
}

// The package's own constructor: the rule reads no buffer, as for a make it cannot see.
type feed struct {
	items   chan int
	running bool
}

func newItems() chan int { return make(chan int) }

func (f *feed) Start() {
	f.items = newItems()
	go func() {
		for i := range f.items {
			if !f.running {
				break
			}
			_ = i
		}
	}()
}

func (f *feed) Stop() {
	f.items <- 0 // want GL003
}
