// Package watch is a library's: its module has no command, so its users, whom the
// module does not show, may call Watch any number of times.
package watch

import "time"

func Watch(d time.Duration, poll func()) {
	go func() { // want GL011 "runs until the process exits"
		for {
			time.Sleep(d)
			poll()
		}
	}()
}

var _ = Watch
