package fixtures

import (
	"context"
	"errors"
	"log"
	"time"
)

// A ticker's channel is never closed: `if !ok { return }` after receiving from it is
// no way out, so the loop below never stops and the send always finds it.
type grower struct {
	ticker *time.Ticker
	reset  chan struct{}
}

func newGrower() *grower {
	g := &grower{ticker: time.NewTicker(time.Second), reset: make(chan struct{}, 16)}
	go g.loop()
	return g
}

func (g *grower) loop() {
	for {
		select {
		case <-g.reset:
		case _, ok := <-g.ticker.C:
			if !ok {
				return
			}
		}
	}
}

func (g *grower) Reset() {
	g.reset <- struct{}{}
}

// The same loop with a context: it leaves through that, and the send is reported for
// it, not for the ticker.
type shrinker struct {
	ticker *time.Ticker
	poke   chan struct{}
}

func newShrinker(ctx context.Context) *shrinker {
	s := &shrinker{ticker: time.NewTicker(time.Second), poke: make(chan struct{}, 16)}
	go s.loop(ctx)
	return s
}

func (s *shrinker) loop(ctx context.Context) {
	for {
		select {
		case <-s.poke:
		case _, ok := <-s.ticker.C:
			if !ok {
				return
			}
		case <-ctx.Done():
			return
		}
	}
}

func (s *shrinker) Reset() {
	s.poke <- struct{}{} // want GL003:low "send on `s.poke` blocks forever once its buffer \(16, line 47\) fills if its receiver \(line 55\) stops through `<-ctx.Done\(\)` at line 60; select on a done channel"
}

func eachItem(items []string, fn func(string) bool) {
	for _, it := range items {
		if !fn(it) {
			return
		}
	}
}

// The callback's `return true` ends one call of the callback, after its goroutine
// started; the loop below still receives every result.
func searchAll(items []string) []int {
	res := make(chan int)
	n := 0
	eachItem(items, func(it string) bool {
		if it == "" {
			return true
		}
		n++
		go func() {
			res <- len(it)
		}()
		return true
	})
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, <-res)
	}
	return out
}

// A return of the function itself between the goroutines and the receive does skip it.
func searchSome(items []string, limit int) ([]int, error) {
	res := make(chan int)
	n := 0
	eachItem(items, func(it string) bool {
		n++
		go func() {
			res <- len(it) // want GL003 "send on unbuffered `res` blocks forever if its receiver \(line 116\) is skipped by the return at line 112; buffer it or receive before returning"
		}()
		return true
	})
	if n > limit {
		return nil, errors.New("too many")
	}
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, <-res)
	}
	return out, nil
}

func storeItem(ctx context.Context, v int) error {
	if v < 0 {
		return ctx.Err()
	}
	return nil
}

// Every failed store panics first: the break under errors.Is(err, ...) never runs.
func storeAll(ctx context.Context, in []int) int {
	ch := make(chan int)
	go func() {
		for _, v := range in {
			ch <- v
		}
		close(ch)
	}()
	total := 0
	for v := range ch {
		err := storeItem(ctx, v)
		if err != nil {
			log.Print("store failed")
			log.Panic("store failed")
		}
		if errors.Is(err, context.DeadlineExceeded) {
			break
		}
		total += v
	}
	return total
}

// A failed store that is only logged reaches the break.
func storeSome(ctx context.Context, in []int) int {
	ch := make(chan int)
	go func() {
		for _, v := range in {
			ch <- v // want GL003 "send on unbuffered `ch` blocks forever after the receiving loop \(line 162\) leaves at line 168; keep receiving or select on a done channel"
		}
		close(ch)
	}()
	total := 0
	for v := range ch {
		err := storeItem(ctx, v)
		if err != nil {
			log.Print("store failed")
		}
		if errors.Is(err, context.DeadlineExceeded) {
			break
		}
		total += v
	}
	return total
}
