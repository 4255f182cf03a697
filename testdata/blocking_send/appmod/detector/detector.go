// Package detector hands out an unexported type as an interface: the command's
// main calls its Run once, so the forwarders a cancelled Run strands are one
// process's, gone with it. Low.
package detector

import "context"

type Detector interface {
	Run(ctx context.Context) error
	Check(ctx context.Context) error
}

type detector struct {
	sources []<-chan string
}

func New(sources []<-chan string) Detector {
	return &detector{sources: sources}
}

func group(sources []<-chan string) <-chan string {
	merged := make(chan string)
	for _, source := range sources {
		go func(c <-chan string) {
			for s := range c {
				merged <- s // want GL003:low "the select at line 36"
			}
		}(source)
	}
	return merged
}

func (d *detector) Run(ctx context.Context) error {
	merged := group(d.sources)
	for {
		select {
		case <-ctx.Done():
			return nil
		case s := <-merged:
			_ = s
		}
	}
}

func fanIn(sources []<-chan string) <-chan string {
	out := make(chan string)
	for _, source := range sources {
		go func(c <-chan string) {
			for s := range c {
				out <- s // want GL003 "the select at line 62"
			}
		}(source)
	}
	return out
}

// Check is called again and again (in the command's endless loop): each
// cancelled check strands its forwarders. Reported.
func (d *detector) Check(ctx context.Context) error {
	out := fanIn(d.sources)
	for {
		select {
		case <-ctx.Done():
			return nil
		case s := <-out:
			_ = s
		}
	}
}
