// A process controller whose control port is a flag of main, defaulting to loopback.
package main

import (
	"flag"
	"log"
	"net"
	"net/http"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:3033", "control address")
	public := flag.String("public", ":8080", "public address")
	flag.Parse()
	http.HandleFunc("/stop", func(w http.ResponseWriter, r *http.Request) {})
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(l, nil)
	log.Fatal(http.ListenAndServe(*public, nil)) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
