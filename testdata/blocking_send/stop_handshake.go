package fixtures

import "time"

// Stop asks the reloader to leave through a handshake on stopReloader, and the loop
// answers on the same channel before it returns: the answer is no stop of the
// package's own. A Reload after Stop is the user's misuse of the API (a low note).
type FileTable struct {
	forceReload  chan struct{}
	stopReloader chan struct{}
}

func (f *FileTable) Start() {
	go f.reloader()
}

func (f *FileTable) Reload() {
	f.forceReload <- struct{}{} // want GL003:low "send on `f.forceReload` blocks forever if called after FileTable.Stop"
}

func (f *FileTable) Stop() {
	f.stopReloader <- struct{}{}
	<-f.stopReloader
}

func (f *FileTable) reloader() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-f.forceReload:
		case <-f.stopReloader:
			f.stopReloader <- struct{}{}
			return
		}
	}
}

// The package stops it itself from a method not named for the end of the object's
// life: its sends may come after that, shown.
type watcher struct {
	kick chan struct{}
	halt chan struct{}
}

func (w *watcher) Kick() {
	w.kick <- struct{}{} // want GL003 "send on `w.kick` blocks forever if its receiver"
}

func (w *watcher) pause() {
	w.halt <- struct{}{}
	<-w.halt
}

func (w *watcher) loop() {
	for {
		select {
		case <-w.kick:
		case <-w.halt:
			w.halt <- struct{}{}
			return
		}
	}
}
