package fixtures

const (
	writeQueueSize = 1024
	pokeQueueSize  = 4
)

type store struct {
	writes chan int
	pokes  chan int
}

func newStore() *store {
	return &store{
		writes: make(chan int, writeQueueSize),
		pokes:  make(chan int, pokeQueueSize),
	}
}
