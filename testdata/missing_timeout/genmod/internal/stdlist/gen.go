//go:build ignore

package main

import (
	"log"
	"os"

	"example.com/genmod/internal/stdlist"
)

func main() {
	list, err := stdlist.Fetch("https://example.com/list")
	if err != nil {
		log.Fatal(err)
	}
	os.Stdout.Write(list)
}
