// A hand-run benchmark: its dial waits for the operator who started it.
package main

import (
	"context"
	"net"
)

type connecter struct{ addr string }

func (c connecter) Connect(ctx context.Context) (net.Conn, error) {
	return net.Dial("tcp", c.addr) // want GL006:low "^net.Dial ignores ctx"
}

func main() {
	c, err := connecter{addr: "bench:9000"}.Connect(context.Background())
	if err == nil {
		c.Close()
	}
}
