package main

import (
	"log"
	"time"

	"example.com/genmod/internal/stdlist"
)

func main() {
	for {
		if _, err := stdlist.Refresh("https://example.com/list"); err != nil {
			log.Print(err)
		}
		time.Sleep(time.Minute)
	}
}
