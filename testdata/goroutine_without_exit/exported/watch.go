package exported

// Watch starts a goroutine per feed: after the feed's Close nothing ends it.
func Watch(f *Feed, handle func(string)) {
	go func() { // want GL011 "nothing in the package closes field `Items`, not even `Feed.Close`: close it there"
		for s := range f.Items {
			handle(s)
		}
	}()
}

// Stop closes Out: the range ends.
func Follow(s *Stream, handle func(int)) {
	go func() {
		for v := range s.Out {
			handle(v)
		}
	}()
}

// Nothing ends a Bus: whoever made it closes Events.
func Listen(b *Bus, handle func(int)) {
	go func() {
		for v := range b.Events {
			handle(v)
		}
	}()
}

// The users send to In and close it.
func (s *Sink) Run() {
	go func() {
		for v := range s.In {
			s.total += v
		}
	}()
}
