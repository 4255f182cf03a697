// Package go123 is built with Go 1.23 timers (see go.mod): an unreferenced ticker is
// garbage collected without Stop, so nothing here leaks.
package go123

import "time"

func poll(d time.Duration) {
	t := time.NewTicker(d)
	<-t.C
}

func tick(d time.Duration) {
	for range time.Tick(d) {
		break
	}
}
