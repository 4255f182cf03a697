package fixtures

import "sync"

// Each watcher's channel is reached through a method that returns its field, and the
// stop closes it under the write lock. The message names the buffer the field's maker
// gives it, and asks for a way out rather than an unlock.
type evWatchChannel struct {
	id      int
	channel chan string
}

func newEvWatchChannel(id int) *evWatchChannel {
	return &evWatchChannel{id: id, channel: make(chan string, 10)}
}

func (w *evWatchChannel) GetChannel() chan string {
	return w.channel
}

type evWatchRegistry struct {
	lock     sync.RWMutex
	watchers map[int]*evWatchChannel
}

func (r *evWatchRegistry) Watch(id int) chan string {
	r.lock.Lock()
	defer r.lock.Unlock()
	w := newEvWatchChannel(id)
	r.watchers[id] = w
	return w.GetChannel()
}

func (r *evWatchRegistry) StopWatch(id int) {
	r.lock.Lock()
	defer r.lock.Unlock()
	close(r.watchers[id].GetChannel())
	delete(r.watchers, id)
}

func (r *evWatchRegistry) AddEvent(event string) {
	r.lock.RLock()
	defer r.lock.RUnlock()
	for _, watcher := range r.watchers {
		watcher.GetChannel() <- event // want GL004 "^send on `watcher.GetChannel\(\)` under `r.lock` .*once its buffer of 10 is full; its close needs the lock too: add a done case$"
	}
}
