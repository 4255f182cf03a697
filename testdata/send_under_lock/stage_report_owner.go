package fixtures

import (
	"context"
	"sync"
)

// A sorter whose failed channel is the stage's report on its input.
type fileSorter struct {
	input  chan string
	output <-chan string
	failed <-chan error
}

func (d *fileSorter) start(ctx context.Context) {
	d.input = make(chan string, 100)
	d.output, d.failed = sortStrings(ctx, d.input)
}

// As stage_report.go's feedOther, on another struct type whose fields are named like
// fileSorter's: its failed channel is not the one the stage returned (that is errs),
// though fileSorter.start assigns a `d.failed` from a call handed a `d.input`.
type memSorter struct {
	mu     sync.Mutex
	input  chan string
	output <-chan string
	errs   <-chan error
	failed chan error
}

func (d *memSorter) start(ctx context.Context) {
	d.input = make(chan string, 100)
	d.failed = make(chan error, 1)
	d.output, d.errs = sortStrings(ctx, d.input)
}

func (d *memSorter) feed(keys []string) error {
	for _, k := range keys {
		select {
		case d.input <- k: // want GL004
		case err := <-d.failed:
			return err
		}
	}
	return nil
}

func (d *memSorter) Add(keys []string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.feed(keys)
}

func (d *memSorter) Send() {
	d.mu.Lock()
	defer d.mu.Unlock()
	close(d.input)
}
