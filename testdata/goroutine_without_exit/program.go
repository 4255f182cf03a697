package main

import (
	"fmt"
	"time"
)

// Outside main itself, a program's setup still runs once: its goroutines end with it.
func startClock() {
	go func() {
		for {
			time.Sleep(time.Second)
			fmt.Println(time.Now())
		}
	}()
}
