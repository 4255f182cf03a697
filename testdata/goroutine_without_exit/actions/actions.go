package actions

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"
)

// A cobra command's run: the framework runs it once per run of the program, so the
// progress printer of the helper it calls lives as long as the command. Silent.
func NewWatchCommand() *cobra.Command {
	return &cobra.Command{Use: "watch", Run: watchCommandFunc}
}

func watchCommandFunc(cmd *cobra.Command, args []string) {
	watchKeys(args)
}

func watchKeys(keys []string) {
	go func() {
		for {
			time.Sleep(time.Second)
			fmt.Println(len(keys))
		}
	}()
}

// Started from a literal the action calls on the spot: still once. Silent.
func flushCommandFunc(cmd *cobra.Command, args []string) {
	go func() {
		startFlusher(args)
	}()
}

func startFlusher(keys []string) {
	go func() {
		for {
			time.Sleep(time.Second)
			fmt.Println(keys)
		}
	}()
}

// The same helper, also called for every request a loop receives: each call leaves
// its printer behind.
func tailKeys(keys []string) {
	go func() { // want GL011 "runs until the process exits"
		for {
			time.Sleep(time.Second)
			fmt.Println(len(keys))
		}
	}()
}

func tailCommandFunc(cmd *cobra.Command, args []string) {
	tailKeys(args)
}

func serveTail(requests chan []string) {
	for keys := range requests {
		tailKeys(keys)
	}
}
