// Command poller checks a URL for ever: the endless loop keeps it running.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	for {
		resp, err := http.Get(os.Args[1]) // want GL006 "http.Get uses http.DefaultClient"
		if err != nil {
			log.Println(err)
			continue
		}
		resp.Body.Close()
	}
}
