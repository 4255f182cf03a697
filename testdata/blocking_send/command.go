package main

import (
	"errors"
	"time"
)

type command struct {
	Name   string
	Action func(interval time.Duration) error
}

type stats struct{ cpu int }

func collect() (*stats, error) { return &stats{}, nil }

// A command's action: when the loop leaves, the action returns and the program exits,
// so the collector goroutine blocked on its send goes with it.
var eventsCommand = command{
	Name: "events",
	Action: func(interval time.Duration) error {
		results := make(chan *stats)
		go func() {
			for range time.Tick(interval) {
				s, err := collect()
				if err != nil {
					continue
				}
				results <- s
			}
		}()
		for s := range results {
			if s.cpu > 90 {
				return errors.New("too busy")
			}
		}
		return nil
	},
}

// The same loop in a helper that main calls once: the collector it leaves blocked is
// one per run of the program, whose harm rests on a repetition the code does not show
// (low).
func watch(interval time.Duration) error {
	results := make(chan *stats)
	go func() {
		for range time.Tick(interval) {
			s, err := collect()
			if err != nil {
				continue
			}
			results <- s // want GL003:low "send on unbuffered `results` blocks forever after the receiving loop"
		}
	}()
	for s := range results {
		if s.cpu > 90 {
			return errors.New("too busy")
		}
	}
	return nil
}

// The same helper, which the program calls in a loop: each call leaves a collector
// blocked behind.
func watchEach(interval time.Duration) error {
	results := make(chan *stats)
	go func() {
		for range time.Tick(interval) {
			s, err := collect()
			if err != nil {
				continue
			}
			results <- s // want GL003 "send on unbuffered `results` blocks forever after the receiving loop"
		}
	}()
	for s := range results {
		if s.cpu > 90 {
			return errors.New("too busy")
		}
	}
	return nil
}

func main() {
	_ = eventsCommand.Action(time.Second)
	_ = watch(time.Second)
	for i := 0; i < 3; i++ {
		_ = watchEach(time.Second)
	}
	_ = relayReady(readLine, alive)
	go func() { _ = relayReady(readLine, alive) }()
	for _, host := range []string{"a", "b"} {
		go func(host string) { _ = waitHost(host, answers) }(host)
	}
	_ = waitOnce("c", answers)
}

func answers(host string) bool { return host != "" }

func readLine() []byte { return nil }

func alive() bool { return false }

// A program's goroutine started outside a loop, but by a function the program runs
// twice: the reader left behind by the first run that returns on the ticker stays
// blocked while the process goes on.
func relayReady(read func() []byte, alive func() bool) error {
	lines := make(chan []byte)
	go func() {
		lines <- read() // want GL003 "send on unbuffered `lines` blocks forever if its receiver \(line \d+\) returns through `<-tick.C` at line \d+; buffer it"
	}()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			if !alive() {
				return nil
			}
		case b := <-lines:
			_ = b
			return nil
		}
	}
}

// A program's goroutine started once, outside a loop: the poller left blocked when the
// UI returns early ends with the process.
func showUI(poll func() int, quit func() bool) error {
	events := make(chan int)
	go func() {
		events <- poll()
	}()
	if quit() {
		return errors.New("quit")
	}
	<-events
	return nil
}

// Started in a loop, one per host, but the loop stops starting them when it gives up:
// one run leaves one behind, and the program does not show probeAll running again (low).
func probeAll(hosts []string, probe func(string) int) int {
	best := 0
	for _, h := range hosts {
		answer := make(chan int)
		go func(h string) {
			answer <- probe(h) // want GL003:low "send on unbuffered `answer` blocks forever if its receiver \(line \d+\) returns through `<-time.After\(time.Second\)` at line \d+; buffer it"
		}(h)
		select {
		case n := <-answer:
			best += n
		case <-time.After(time.Second):
			return best
		}
	}
	return best
}

// Called once per host, each in a goroutine: a host that does not answer in time
// leaves its checker blocked while the program goes on with the others.
func waitHost(host string, answers func(string) bool) error {
	failed := make(chan error)
	go func() {
		if !answers(host) {
			failed <- errors.New(host) // want GL003 "send on unbuffered `failed` blocks forever if the loop at line \d+ ends before its receive"
		}
	}()
	for end := time.Now().Add(time.Minute); time.Now().Before(end); {
		select {
		case err := <-failed:
			return err
		case <-time.After(time.Second):
		}
	}
	return nil
}

// The same wait run once by the program: what it leaves ends with the process.
func waitOnce(host string, answers func(string) bool) error {
	failed := make(chan error)
	go func() {
		if !answers(host) {
			failed <- errors.New(host)
		}
	}()
	for end := time.Now().Add(time.Minute); time.Now().Before(end); {
		select {
		case err := <-failed:
			return err
		case <-time.After(time.Second):
		}
	}
	return nil
}
