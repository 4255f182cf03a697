// Command agent reports until it is stopped: it waits for a signal, so it keeps running.
package main

import (
	"net/http"
	"os"
	"os/signal"
)

func main() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	go report(os.Args[1])
	<-stop
}

func report(url string) {
	resp, err := http.Get(url) // want GL006 "http.Get uses http.DefaultClient"
	if err == nil {
		resp.Body.Close()
	}
}
