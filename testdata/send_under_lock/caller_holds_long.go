package fixtures

import "sync"

type tickingMutexes struct {
	tickingMutex sync.Mutex
}

type screenLoop struct {
	Mutexes            tickingMutexes
	userEventsOfScreen chan int
	ticks              int
}

func (g *screenLoop) queueUserEventOfScreen(e int) {
	g.userEventsOfScreen <- e // want GL004:low "^send on `g.userEventsOfScreen` under `g.Mutexes.tickingMutex` stalls other lockers once its buffer of 20 is full; unlock before the call$"
}

func (g *screenLoop) tickOnce() {
	g.Mutexes.tickingMutex.Lock()
	defer g.Mutexes.tickingMutex.Unlock()
	g.ticks++
	g.queueUserEventOfScreen(g.ticks)
}

func newScreenLoop() *screenLoop {
	return &screenLoop{userEventsOfScreen: make(chan int, 20)}
}
