// Package mobile is the daemon's entry point for apps that embed it.
package mobile

import (
	"example.com/daemon/daemon"
	"example.com/daemon/queue"
)

func Start() {
	go func() {
		_ = daemon.Main()
	}()
}

func KeepServing() {
	for {
		pool := queue.NewPool()
		_ = daemon.Serve()
		pool.Close()
	}
}
