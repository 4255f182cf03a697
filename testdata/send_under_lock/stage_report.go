package fixtures

import (
	"context"
	"sync"
)

func sortStrings(ctx context.Context, in chan string) (<-chan string, <-chan error) {
	out := make(chan string)
	errc := make(chan error, 1)
	go func() {
		defer close(out)
		for s := range in {
			select {
			case out <- s:
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			}
		}
	}()
	return out, errc
}

// The stage that takes the input reports its failure on the error channel it
// returned, which the send selects on: the send has a way out when the stage stops.
type diskSorter struct {
	mu     sync.Mutex
	input  chan string
	output <-chan string
	failed <-chan error
	other  chan error
}

func (d *diskSorter) start(ctx context.Context) {
	d.input = make(chan string, 100)
	d.output, d.failed = sortStrings(ctx, d.input)
}

func (d *diskSorter) feed(keys []string) error {
	for _, k := range keys {
		select {
		case d.input <- k:
		case err := <-d.failed:
			return err
		}
	}
	return nil
}

func (d *diskSorter) Add(keys []string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.feed(keys)
}

func (d *diskSorter) Send() {
	d.mu.Lock()
	defer d.mu.Unlock()
	close(d.input)
}

// A case on a channel the stage did not return is no report of the stage.
func (d *diskSorter) feedOther(keys []string) error {
	for _, k := range keys {
		select {
		case d.input <- k: // want GL004
		case err := <-d.other:
			return err
		}
	}
	return nil
}

func (d *diskSorter) AddOther(keys []string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.feedOther(keys)
}
