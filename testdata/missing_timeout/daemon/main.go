// Command relay serves clients and reports to a pool: a daemon, whose stalled request
// nobody watches.
package main

import (
	"log"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", ":22067")
	if err != nil {
		log.Fatal(err)
	}
	go join("https://pool.example.com")
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		conn.Close()
	}
}
