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

// A counter of the call: every call starts limit more workers (resizePool calls it again).
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

func resizePool(sizes <-chan int) {
	for n := range sizes {
		startPool(n)
	}
}

// A count of workers started once per call, and nothing in the package calls it again:
// the loop runs once per worker, it does not repeat the start.
func startWorkers(count int, jobs chan func()) {
	for i := 0; i < count; i++ {
		go func() {
			for {
				job := <-jobs
				job()
			}
		}()
	}
}

// A loop over a collection inside a loop that can go round without end: each batch
// that arrives starts more.
func startPerBatch(batches <-chan []string, use func(string)) {
	for batch := range batches {
		for _, item := range batch {
			go func(item string) { // want GL011 "runs until the process exits"
				for {
					use(item)
				}
			}(item)
		}
	}
}

// A named channel type ranged with one variable: a channel, whatever its name says.
type itemList chan string

func startPerItem(items itemList, use func(string)) {
	for item := range items {
		go func(item string) { // want GL011 "runs until the process exits"
			for {
				use(item)
			}
		}(item)
	}
}
