package queue

import "testing"

func TestMarket(t *testing.T) {
	m := NewMarket()
	m.Request()
	m.Shutdown()
}
