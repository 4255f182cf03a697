// Package node registers channels with the module's registries.
package node

import (
	"example.com/regmod/bare"
	"example.com/regmod/hold"
)

type Node struct {
	held *hold.Registry
	bare *bare.Registry
}

func (n *Node) waitHeld() interface{} {
	hodl := make(chan interface{})
	_ = n.held.NotifyExitHop("a", hodl) // want GL002:low "unbuffered channel `hodl`"
	return <-hodl
}

func (n *Node) waitBare() interface{} {
	hodl := make(chan interface{})
	n.bare.NotifyExitHop("a", hodl) // want GL002 "unbuffered channel `hodl`"
	return <-hodl
}
