package fixtures

import "sync"

// A channel that a method the package does not declare returns (a library's): its
// buffer is not shown, so the stall under the lock is low and the message says it
// waits only once any buffer is full.
type frameSource interface {
	Frames() chan []byte
}

type frameQueue struct {
	sync.Mutex
	frames chan []byte
	active bool
}

func (q *frameQueue) Start(src frameSource) {
	q.frames = src.Frames()
	go func() {
		for f := range q.frames {
			if !q.active {
				return
			}
			_ = f
		}
	}()
}

func (q *frameQueue) Stop() {
	q.Lock()
	defer q.Unlock()
	q.active = false
	q.frames <- nil // want GL004:low "stalls other lockers until a receive once any buffer it has is full"
}

// The package's own maker: unbuffered, and the receiver can stop: shown.
type ownFrameQueue struct {
	sync.Mutex
	frames chan []byte
	active bool
}

func makeOwnFrames() chan []byte { return make(chan []byte) }

func (q *ownFrameQueue) Start() {
	q.frames = makeOwnFrames()
	go func() {
		for f := range q.frames {
			if !q.active {
				return
			}
			_ = f
		}
	}()
}

func (q *ownFrameQueue) Stop() {
	q.Lock()
	defer q.Unlock()
	q.active = false
	q.frames <- nil // want GL004
}
