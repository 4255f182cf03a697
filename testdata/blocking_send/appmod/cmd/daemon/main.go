package main

import (
	"context"

	"example.com/daemon/daemon"
)

func main() {
	_ = detect(context.Background())
	if err := daemon.Main(); err != nil {
		panic(err)
	}
}
