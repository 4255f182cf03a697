// Package monitor checks the fleet server's health until stopped.
package monitor

import (
	"time"

	"example.com/fleet/api"
)

func Watch(c *api.Client, stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Second):
			_ = c.Health()
		}
	}
}
