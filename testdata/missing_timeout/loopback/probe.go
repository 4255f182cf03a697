package loopback

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
)

// Probing a port on loopback: it answers at once, with a connection or a refusal, so no
// unreachable host can hold the dial.
func portFree(port int) bool {
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return true
	}
	conn.Close()
	return false
}

func portTaken(port int) bool {
	conn, err := net.Dial("tcp", net.JoinHostPort("localhost", strconv.Itoa(port)))
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// The same probe of another host: reported.
func remotePortOpen(host string, port int) bool {
	conn, err := net.Dial("tcp", fmt.Sprintf("%s:%d", host, port)) // want GL006:low "net.Dial has no timeout"
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

func remotePortAnswers(host string, port int) bool {
	conn, err := net.Dial("tcp", net.JoinHostPort(host, strconv.Itoa(port))) // want GL006:low "net.Dial has no timeout"
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// A status page on loopback only, its address made with Sprintf: not reported.
func serveStatus(port int, h http.Handler) error {
	return http.ListenAndServe(fmt.Sprintf("localhost:%d", port), h)
}
