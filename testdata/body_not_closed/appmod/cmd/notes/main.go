package main

import (
	"os"

	"example.com/notes/runner"
)

func main() {
	r := &runner.Runner{Versions: os.Args[1:]}
	r.Run()
}
