// Package watch is an application's (its module has a command under cmd): its own
// code would show a second call of Watch, and shows none. Low.
package watch

import "time"

func Watch(d time.Duration, poll func()) {
	go func() { // want GL011:low "runs until the process exits"
		for {
			time.Sleep(d)
			poll()
		}
	}()
}

var _ = Watch
