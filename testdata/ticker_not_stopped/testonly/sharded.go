// Package cache keeps a sharded variant that only its tests build.
package cache

import "time"

type shardJanitor struct {
	interval time.Duration
	stop     chan bool
}

// Run is exported, but only values of the unexported shardJanitor have it, and only the
// tests make one.
func (j *shardJanitor) Run(clean func()) {
	tick := time.Tick(j.interval)
	for {
		select {
		case <-tick:
			clean()
		case <-j.stop:
			return
		}
	}
}

func runShardJanitor(interval time.Duration, clean func()) *shardJanitor {
	j := &shardJanitor{interval: interval, stop: make(chan bool)}
	go j.Run(clean)
	return j
}

func newShardedForTests(interval time.Duration) *shardJanitor {
	return runShardJanitor(interval, func() {})
}
