package fixtures

import "time"

// A package's own registrations, judged by what its code does with the listeners.
type listenerBus struct {
	closes  []chan error
	cancels []chan struct{}
	events  []chan string
}

func (b *listenerBus) NotifyClosed(c chan error) chan error {
	b.closes = append(b.closes, c)
	return c
}

func (b *listenerBus) NotifyCancelled(c chan struct{}) chan struct{} {
	b.cancels = append(b.cancels, c)
	return c
}

func (b *listenerBus) NotifyEvent(c chan string) {
	b.events = append(b.events, c)
}

// Every close error is offered with select/default, else from a goroutine that
// gives up after a while: no listener can block it.
func (b *listenerBus) shutdown(err error) {
	for _, listener := range b.closes {
		select {
		case listener <- err:
		default:
			go func(listener chan error) {
				select {
				case listener <- err:
				case <-time.After(5 * time.Second):
				}
			}(listener)
		}
	}
	for _, c := range b.cancels {
		close(c) // the cancel listeners are only closed
	}
	b.cancels = nil
}

// Events are sent bare: an unbuffered listener nobody reads blocks the publisher.
func (b *listenerBus) publish(event string) {
	for _, c := range b.events {
		c <- event
	}
}

func listen(b *listenerBus) {
	b.NotifyClosed(make(chan error))
	b.NotifyCancelled(make(chan struct{}))
	b.NotifyEvent(make(chan string)) // want GL002
}
