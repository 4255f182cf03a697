package main

import "example.com/svc/lib"

func main() {
	client := lib.NewClient()
	defer client.Close()
}
