package main

import "example.com/agg/agg"

func main() {
	agg.NewReader()
	select {}
}
