package main

import (
	"fmt"
	"os"

	"example.com/unreadmod/internal/probe"
)

func main() {
	for _, url := range os.Args[1:] {
		m := probe.NewMeasurer()
		fmt.Println(m.Name)
		r := probe.NewReporter()
		if resp, err := r.Uploader.Get(url); err == nil {
			resp.Body.Close()
		}
	}
}
