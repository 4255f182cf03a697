package fixtures

import "time"

func fireAndForget() {
	_ = Spawn(func() error { time.Sleep(time.Second); return nil })
}

// A file is read only when it holds a receive or a send: `<-`.
func receives(ch chan int) int { return <-ch }
