// Package sockets opens the module's TCP listeners.
package sockets

import "net"

func Open(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}
