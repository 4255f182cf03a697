package fixtures

import "sync"

// The pool tells its workers to quit, waits for every one of them to mark its sends
// done, and only then stops the readers of what they sent: no send can be left.
func runPool(jobs chan int, workers, readers int) {
	results := make(chan int)
	quit := make(chan bool)
	readersQuit := make(chan bool)
	sent := new(sync.WaitGroup)
	for i := 0; i < workers; i++ {
		go poolWorker(jobs, results, quit, sent)
	}
	for i := 0; i < readers; i++ {
		go poolReader(results, readersQuit)
	}
	for i := 0; i < workers; i++ {
		quit <- true
	}
	sent.Wait()
	for i := 0; i < readers; i++ {
		readersQuit <- true
	}
}

func poolWorker(jobs, results chan int, quit chan bool, sent *sync.WaitGroup) {
	for {
		select {
		case j := <-jobs:
			sent.Add(1)
			results <- j * 2
			sent.Done()
		case <-quit:
			return
		}
	}
}

func poolReader(results chan int, quit chan bool) {
	for {
		select {
		case r := <-results:
			_ = r
		case <-quit:
			return
		}
	}
}

// The same pool, but it stops the readers before waiting for the workers: a worker in
// the middle of a send is left with nobody to take it.
func runPoolEarly(jobs chan int, workers, readers int) {
	results := make(chan int)
	quit := make(chan bool)
	readersQuit := make(chan bool)
	sent := new(sync.WaitGroup)
	for i := 0; i < workers; i++ {
		go earlyWorker(jobs, results, quit, sent)
	}
	for i := 0; i < readers; i++ {
		go poolReader(results, readersQuit)
	}
	for i := 0; i < readers; i++ {
		readersQuit <- true
	}
	for i := 0; i < workers; i++ {
		quit <- true
	}
	sent.Wait()
}

func earlyWorker(jobs, results chan int, quit chan bool, sent *sync.WaitGroup) {
	for {
		select {
		case j := <-jobs:
			sent.Add(1)
			results <- j * 2 // want GL003 "send on `results` blocks forever once the caller stops receiving after `quit`"
			sent.Done()
		case <-quit:
			return
		}
	}
}
