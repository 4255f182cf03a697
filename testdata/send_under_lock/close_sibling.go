package fixtures

import "sync"

type writeDB struct {
	mu      sync.Mutex
	closing bool
	writeCh chan int
	acks    chan int
}

// The close of writeCh (close_sibling_close.go) runs under db.mu: unlocking before the
// send would race it. The advice asks for a way out instead.
func (db *writeDB) submit(v int) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closing {
		return
	}
	db.writeCh <- v // want GL004 "`close\(db.writeCh\)` needs the lock too: add a done case$"
}

// acks is closed nowhere: unlock first.
func (db *writeDB) ack(v int) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.acks <- v // want GL004:low "; unlock first$"
}

type feed struct{ ch chan int }

func (f *feed) Chan() chan int { return f.ch }

type feeds struct {
	mu    sync.RWMutex
	feeds map[int]*feed
}

// The channel comes from a method; the same method's channel is closed under the lock.
func (fs *feeds) publish(v int) {
	fs.mu.RLock()
	defer fs.mu.RUnlock()
	for _, f := range fs.feeds {
		f.Chan() <- v // want GL004 "`close\(fs.feeds\[id\].Chan\(\)\)` needs the lock too"
	}
}

func (fs *feeds) stop(id int) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	close(fs.feeds[id].Chan())
	delete(fs.feeds, id)
}

type awaiter struct {
	mu      sync.Mutex
	waiters []chan bool
}

// A helper named for needing the lock: unlocking before the call is no fix.
func (a *awaiter) update() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.checkLocked()
}

func (a *awaiter) checkLocked() {
	for _, w := range a.waiters {
		w <- true // want GL004:low "; add a buffer or a done case$"
	}
}
