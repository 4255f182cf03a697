package oncewait

import "context"

func merge(sources []<-chan int) <-chan int {
	merged := make(chan int)
	for _, source := range sources {
		go func(c <-chan int) {
			for v := range c {
				merged <- v // want GL003:low "the select at line 25 returns through"
			}
		}(source)
	}
	return merged
}

func init() {
	_ = watch(context.Background(), nil)
}

// Run once per process (from init): what its return leaves blocked ends with the process.
func watch(ctx context.Context, sources []<-chan int) error {
	merged := merge(sources)
	for {
		select {
		case <-ctx.Done():
			return nil
		case v := <-merged:
			_ = v
		}
	}
}

func fanIn(sources []<-chan int) <-chan int {
	out := make(chan int)
	for _, source := range sources {
		go func(c <-chan int) {
			for v := range c {
				out <- v // want GL003 "the select at line 50 returns through"
			}
		}(source)
	}
	return out
}

// Exported API of a library: its users may call it again and again.
func Watch(ctx context.Context, sources []<-chan int) error {
	out := fanIn(sources)
	for {
		select {
		case <-ctx.Done():
			return nil
		case v := <-out:
			_ = v
		}
	}
}
