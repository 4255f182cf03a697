package main

import (
	"os"
	"os/exec"
	"os/signal"
)

func run(binary string) {
	cmd := exec.Command(binary)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// the child gets the interrupts; nothing receives from this channel
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	if err := cmd.Run(); err != nil {
		os.Exit(1)
	}
}
