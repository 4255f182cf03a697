package fixtures

import "sync"

// Each consumer gets its own worker goroutine, started with the channel it is
// registered under; the workers never take the lock and stop only when close()
// retires the registry under the same lock.
type consumerSet struct {
	mu     sync.Mutex
	closed chan struct{}
	chans  map[string]chan string
}

func (c *consumerSet) add(tag string, out chan string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	in := make(chan string)
	c.chans[tag] = in
	go c.forward(in, out)
}

func (c *consumerSet) forward(in chan string, out chan string) {
	var queue []string
	for msg := range in {
		queue = append(queue, msg)
		for len(queue) > 0 {
			select {
			case <-c.closed:
				return
			case more := <-in:
				queue = append(queue, more)
			case out <- queue[0]:
				queue = queue[1:]
			}
		}
	}
}

func (c *consumerSet) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	close(c.closed)
	for tag, ch := range c.chans {
		delete(c.chans, tag)
		close(ch)
	}
}

// The worker of the registered channel takes every value: silent.
func (c *consumerSet) send(tag, msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, ok := c.chans[tag]; ok {
		ch <- msg
	}
}

// Here the workers stop on a channel closed without the lock, and the registry keeps
// their channels: a send can find a worker that has stopped.
type looseConsumerSet struct {
	mu     sync.Mutex
	quit   chan struct{}
	queues map[string]chan string
}

func (c *looseConsumerSet) add(tag string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	in := make(chan string)
	c.queues[tag] = in
	go c.drain(in)
}

func (c *looseConsumerSet) drain(in chan string) {
	for {
		select {
		case <-c.quit:
			return
		case msg := <-in:
			println(msg)
		}
	}
}

func (c *looseConsumerSet) stop() {
	close(c.quit)
}

func (c *looseConsumerSet) send(tag, msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, ok := c.queues[tag]; ok {
		ch <- msg // want GL004 "send on `ch` under `c.mu`"
	}
}
