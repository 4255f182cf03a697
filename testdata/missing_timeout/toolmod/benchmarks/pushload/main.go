// A load generator the developers point at their own server: low.
package main

import (
	"bytes"
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	for {
		resp, err := http.Post(os.Args[1], "application/json", bytes.NewBufferString("{}")) // want GL006:low "http.Post uses http.DefaultClient"
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		time.Sleep(time.Millisecond)
	}
}
