package fixtures

import (
	"log"
	"time"
)

// The loop ranges over the parameter, not over the Tick channel of the same name in
// the branch: the caller may close it, the function returns, and the ticker stays.
func waitThenDrain(tick <-chan time.Time, slow bool) {
	if slow {
		tick := time.Tick(time.Minute) // want GL010:low "time.Tick's ticker can never be stopped"
		<-tick
	}
	for range tick {
		log.Println("tick")
	}
}
