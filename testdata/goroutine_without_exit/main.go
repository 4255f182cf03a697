package fixtures

import (
	"os"
	"os/signal"
)

// A goroutine started from main lives as long as the program: a note, not a warning.
func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() { // want GL011 "started from main, so this may be the program's life"
		for {
			<-sigs
		}
	}()
	select {}
}
