package fixtures

import "sync"

// The package's own Notify waits on an abort channel: it receives, it never sends.
func Notify(abort <-chan struct{}) {
	var mu sync.Mutex
	for {
		select {
		case <-abort:
			return
		default:
			mu.Lock()
			mu.Unlock()
		}
	}
}

func runNotify() {
	done := make(chan struct{})
	go Notify(done)
	close(done)
}

// A plain channel parameter that the function only receives from.
func NotifyUntil(stop chan struct{}, tick func()) {
	for {
		select {
		case <-stop:
			return
		default:
			tick()
		}
	}
}

func runNotifyUntil() {
	stop := make(chan struct{})
	go NotifyUntil(stop, func() {})
	close(stop)
}

// One that sends on it is a registration.
type watcher struct{ listeners []chan int }

func (w *watcher) NotifyChange(ch chan int) {
	w.listeners = append(w.listeners, ch)
}

func (w *watcher) fire(v int) {
	for _, ch := range w.listeners {
		ch <- v
	}
}

func subscribe(w *watcher) {
	changes := make(chan int)
	w.NotifyChange(changes) // want GL002 "unbuffered channel `changes` \(made at line 57\) passed to NotifyChange blocks the sender forever"
	<-changes
}
