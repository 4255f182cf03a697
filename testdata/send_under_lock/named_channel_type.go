package send_under_lock

import "sync"

// A channel made through a type declared as one (`make(Series, 2)`) has the buffer
// its make gives it: the message names it, as for `make(chan int, 2)`.
type Series chan int

type recorder struct {
	mx     sync.Mutex
	series Series
}

func (r *recorder) Watch() Series {
	r.mx.Lock()
	r.series = make(Series, 2)
	r.mx.Unlock()
	return r.series
}

func (r *recorder) Clear() {
	r.mx.Lock()
	defer r.mx.Unlock()
}

func (r *recorder) record(v int) {
	r.mx.Lock()
	defer r.mx.Unlock()
	if r.series != nil {
		r.series <- v // want GL004 "buffer of 2 is full"
	}
}

func (r *recorder) stop() {
	r.mx.Lock()
	close(r.series)
	r.series = nil
	r.mx.Unlock()
}
