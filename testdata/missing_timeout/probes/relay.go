//go:build probes

// Another program of the folder (it declares its own main): a server, whose requests
// to its upstream nobody watches.
package main

import (
	"io"
	"net"
	"net/http"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go relay(conn)
	}
}

func relay(conn net.Conn) {
	defer conn.Close()
	resp, err := http.Get("https://upstream.example.com/feed") // want GL006
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(conn, resp.Body)
}
