package main

import (
	"os"
	"os/signal"
	"syscall"
)

// reloads on every SIGHUP, for as long as the process runs.
func watchReload(reload func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		for range hup {
			reload()
		}
	}()
}
