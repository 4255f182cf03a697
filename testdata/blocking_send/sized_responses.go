package fixtures

import "sync"

type scanChannel struct{ pending int }

func (c *scanChannel) process() bool { return c.pending > 0 }

type scanner struct {
	wg        sync.WaitGroup
	selection int
	exitChan  chan struct{}
	channels  []*scanChannel
}

func (s *scanner) wrap(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

// Every caller hands a response buffer sized for the work it hands out per turn: the
// author sized it so that no response waits.
func (s *scanner) worker(work chan *scanChannel, responses chan bool, closing chan int) {
	for {
		select {
		case c := <-work:
			dirty := c.process()
			responses <- dirty
		case <-closing:
			return
		}
	}
}

func (s *scanner) startWorkers(n int, work chan *scanChannel, responses chan bool, closing chan int) {
	for i := 0; i < n; i++ {
		s.wrap(func() {
			s.worker(work, responses, closing)
		})
	}
}

func (s *scanner) loop() {
	work := make(chan *scanChannel, s.selection)
	responses := make(chan bool, s.selection)
	closing := make(chan int)
	s.startWorkers(4, work, responses, closing)
	for {
		select {
		case <-s.exitChan:
			close(closing)
			return
		default:
		}
		for _, c := range s.channels[:s.selection] {
			work <- c
		}
		for i := 0; i < s.selection; i++ {
			<-responses
		}
	}
}

// Unbuffered responses: a worker that took work as the loop quit blocks for good.
func (s *scanner) plainWorker(work chan *scanChannel, responses chan bool, closing chan int) {
	for {
		select {
		case c := <-work:
			dirty := c.process()
			responses <- dirty // want GL003 "send on `responses` blocks forever once the caller"
		case <-closing:
			return
		}
	}
}

func (s *scanner) plainLoop() {
	work := make(chan *scanChannel)
	responses := make(chan bool)
	closing := make(chan int)
	go s.plainWorker(work, responses, closing)
	for {
		select {
		case <-s.exitChan:
			close(closing)
			return
		case work <- s.channels[0]:
			<-responses
		}
	}
}
