package fixtures

import "time"

type stopper interface {
	Stop()
}

type consumer struct {
	StopChan chan int
	conn     stopper
}

func (c *consumer) Stop() {
	c.conn.Stop()
}

type fileWriter struct {
	consumer *consumer
	termChan chan bool
	hupChan  chan bool
	logChan  chan []byte
}

// The writer leaves only on its consumer's StopChan, after it stops that consumer
// itself when termChan closes: whether a hup is still on its way then rests on who
// closes termChan and what else ends the consumer, which the code does not show.
func (f *fileWriter) router() {
	exit := false
	for {
		select {
		case <-f.consumer.StopChan:
			exit = true
		case <-f.termChan:
			f.consumer.Stop()
		case <-f.hupChan:
			f.rotate()
		case m := <-f.logChan:
			_ = m
		}
		if exit {
			break
		}
	}
}

func (f *fileWriter) rotate() {}

func (f *fileWriter) hangUp() {
	f.hupChan <- true // want GL003:low "send on `f.hupChan` blocks forever if its receiver \(line \d+\) leaves at line \d+"
}

// This writer leaves on a ticker of its own: a hang-up after it has gone blocks for good.
type tickingWriter struct {
	hupChan chan bool
	idle    *time.Ticker
}

func (t *tickingWriter) router() {
	for {
		select {
		case <-t.idle.C:
			return
		case <-t.hupChan:
		}
	}
}

func (t *tickingWriter) hangUp() {
	t.hupChan <- true // want GL003 "send on `t.hupChan` blocks forever if its receiver \(line \d+\)"
}

// A stop channel of the receiver's own value, which another case calls methods of:
// nothing here says who closes stopCh, and a send after it blocks for good.
type streamer struct {
	stopCh    chan struct{}
	connectCh chan bool
}

func (s *streamer) reconnect() {}

func (s *streamer) Stop() {}

func (s *streamer) run() {
	for {
		select {
		case <-s.stopCh:
			s.Stop()
			return
		case <-s.connectCh:
			s.reconnect()
		}
	}
}

func (s *streamer) restart() {
	s.connectCh <- true // want GL003 "send on `s.connectCh` blocks forever if its receiver \(line \d+\) stops through `<-s.stopCh`"
}
