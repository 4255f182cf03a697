package command

import (
	"fmt"
	"sync/atomic"
	"time"
)

// A command's run (it exits through exitWithError, in exit.go) prints its progress
// until the process ends: started once, silent.
func mirrorKeys(keys []string) {
	var total int64
	go func() {
		for {
			time.Sleep(30 * time.Second)
			fmt.Println(atomic.LoadInt64(&total))
		}
	}()
	for range keys {
		atomic.AddInt64(&total, 1)
	}
	if total == 0 {
		exitWithError(fmt.Errorf("nothing to mirror"))
	}
}

// A library function the package calls for every set that arrives (MirrorAll): each call leaves
// its printer behind.
func CopyKeys(keys []string) {
	var total int64
	go func() { // want GL011 "runs until the process exits"
		for {
			time.Sleep(30 * time.Second)
			fmt.Println(atomic.LoadInt64(&total))
		}
	}()
	for range keys {
		atomic.AddInt64(&total, 1)
	}
}

func MirrorAll(sets <-chan []string) {
	for keys := range sets {
		CopyKeys(keys)
	}
}
