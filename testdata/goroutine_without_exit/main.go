package fixtures

import (
	"os"
	"os/signal"
)

// A goroutine started from main lives as long as the program: not reported.
func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		for {
			<-sigs
		}
	}()
	select {}
}
