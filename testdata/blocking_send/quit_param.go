package fixtures

import "time"

type poller struct {
	fetch func() (map[string]int, error)
}

// The caller stops the watch through quit and then stops receiving: a send under way
// then has nobody to take it.
func (p *poller) watch(results chan<- map[string]int, errs chan<- error, quit <-chan struct{}) {
	defer close(results)
	timer := time.NewTimer(0)
	for {
		select {
		case <-quit:
			return
		case <-timer.C:
			timer.Reset(time.Second)
			found, err := p.fetch()
			if err != nil {
				errs <- err // want GL003 "send on `errs` blocks forever once the caller stops receiving after `quit` \(line 16\), which the loop checks only between sends"
				continue
			}
			results <- found // want GL003 "send on `results` blocks forever once the caller stops receiving after `quit` \(line 16\)"
		}
	}
}

// Each send also waits for quit: the caller can always stop it.
func (p *poller) watchSelecting(results chan<- map[string]int, quit <-chan struct{}) {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-quit:
			return
		case <-ticker.C:
			found, err := p.fetch()
			if err != nil {
				continue
			}
			select {
			case results <- found:
			case <-quit:
				return
			}
		}
	}
}

// No quit channel: the caller owns the results channel's life and drains it.
func (p *poller) drainAll(results chan<- map[string]int, n int) {
	for i := 0; i < n; i++ {
		found, err := p.fetch()
		if err != nil {
			return
		}
		results <- found
	}
}

// The quit case only logs and the loop goes on: quit does not end the function.
func (p *poller) watchLogging(results chan<- map[string]int, quit <-chan struct{}, log func()) {
	for {
		select {
		case <-quit:
			log()
		default:
		}
		found, err := p.fetch()
		if err == nil {
			results <- found
		}
	}
}
