package main

import "example.com/daemon/daemon"

func main() {
	if err := daemon.Main(); err != nil {
		panic(err)
	}
}
