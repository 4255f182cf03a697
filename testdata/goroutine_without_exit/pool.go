package fixtures

import "sync"

var (
	poolMu      sync.Mutex
	poolWorkers int
	poolJobs    = make(chan func())
)

// The pool is topped up to the limit; the counter outlives the call, so at most
// limit workers are ever started, each meant to live as long as the process. Silent.
func growPool(limit int) {
	poolMu.Lock()
	defer poolMu.Unlock()
	for poolWorkers < limit {
		go func() {
			for {
				job := <-poolJobs
				job()
			}
		}()
		poolWorkers++
	}
}

// A counter of the call: every call starts limit more workers.
func startPool(limit int) {
	for started := 0; started < limit; started++ {
		go func() { // want GL011 "blocks on `<-poolJobs` at line 32 once nobody sends"
			for {
				job := <-poolJobs
				job()
			}
		}()
	}
}
