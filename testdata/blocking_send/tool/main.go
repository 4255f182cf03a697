// Command tool asks a server once and prints the answer: its main ends the process
// when it returns, so the worker it leaves blocked ends with it. Silent.
package main

import (
	"fmt"
	"os"
	"time"
)

func ask(out chan string) {
	out <- "answer"
}

func main() {
	answers := make(chan string)
	go ask(answers)
	select {
	case a := <-answers:
		fmt.Println(a)
	case <-time.After(time.Second):
		fmt.Fprintln(os.Stderr, "timeout")
	}
}
