package queue

import "testing"

func TestMarket(t *testing.T) {
	m := NewMarket()
	m.Request()
	m.Shutdown()
}

func TestPublish(t *testing.T) {
	confirmed := make(chan int)
	close(confirmed)
	if err := publishAll(func(int) error { return nil }, confirmed); err != nil {
		t.Fatal(err)
	}
}
