package fixtures

import (
	"net"
	"net/http"
	"time"
)

// What shows that a goroutine's start repeats (lifetime.runs_again). Without it, a
// goroutine that never returns is reported as low: it leaks only if its start repeats.

// A handler runs once per request: a goroutine per request.
func evTail(w http.ResponseWriter, r *http.Request) {
	go func() { // want GL011 "runs until the process exits"
		for {
			time.Sleep(time.Second)
		}
	}()
}

func evRoutes() {
	http.HandleFunc("/tail", evTail)
}

// A function serving one connection runs once per connection.
func evServe(c net.Conn) {
	go func() { // want GL011 "runs until the process exits"
		for {
			time.Sleep(time.Second)
			c.Write(nil)
		}
	}()
}

func evListenWith(serve func(net.Conn)) {}

func evListen() {
	evListenWith(evServe)
}

// Called for every job that arrives: one more goroutine each time.
func evStartWorker() {
	go func() { // want GL011 "runs until the process exits"
		for {
			time.Sleep(time.Second)
		}
	}()
}

func evDispatch(jobs <-chan int) {
	for range jobs {
		evStartWorker()
	}
}

// A value whose Close does something is meant to end: closed and made again, each
// leaves its goroutine behind.
type evPoller struct{ conn net.Conn }

func (p *evPoller) Start() {
	go func() { // want GL011 "runs until the process exits"
		for {
			time.Sleep(time.Second)
		}
	}()
}

func (p *evPoller) Close() error { return p.conn.Close() }

// A Stop that does nothing means nothing; nothing else shows a second start. Low.
type evSampler struct{}

func (s *evSampler) Start() {
	go func() { // want GL011:low "runs until the process exits"
		for {
			time.Sleep(time.Second)
		}
	}()
}

func (s *evSampler) Stop() {}

// Handed on as a callback: how often it runs is not shown (a singleton's
// constructor runs once). Low.
func evSingleton(make func() int) int { return make() }

func evBroker() int {
	return evSingleton(func() int {
		go func() { // want GL011:low "runs until the process exits"
			for {
				time.Sleep(time.Second)
			}
		}()
		return 0
	})
}

// Started from a function only init calls: once per process, not reported.
func evStartOnce() {
	go func() {
		for {
			time.Sleep(time.Second)
		}
	}()
}

func init() {
	evStartOnce()
}
