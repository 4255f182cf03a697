// Command poller sleeps between polls: it keeps running, so a body read to EOF but
// never closed is reported as in any long-lived code.
package main

import (
	"io"
	"net/http"
	"os"
	"time"
)

func main() {
	for {
		poll(os.Args[1])
		time.Sleep(time.Minute)
	}
}

func poll(url string) {
	resp, err := http.Get(url) // want GL008 "read until EOF or an error but never closed, which net/http asks for"
	if err != nil {
		return
	}
	io.Copy(os.Stdout, resp.Body)
}
