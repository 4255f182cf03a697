package cache

import (
	"os"
	"os/signal"
	"syscall"
)

// NewTrap is set-up code (it registers for the process's signals) that nothing in
// the module calls: an entry point for the program that embeds the package. The
// dumper it starts runs once per process, whatever its Close does. Silent.
type Trap struct {
	signals chan os.Signal
	dumps   chan string
}

func NewTrap() *Trap {
	t := &Trap{signals: make(chan os.Signal, 1), dumps: make(chan string)}
	signal.Notify(t.signals, syscall.SIGUSR1)
	t.dump()
	return t
}

func (t *Trap) dump() {
	go func() {
		for {
			path := <-t.dumps
			println(path)
		}
	}()
}

func (t *Trap) Close() error {
	signal.Stop(t.signals)
	return nil
}
