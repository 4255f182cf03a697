// A reproducer of a reported bug, run by its developer: low.
package main

import (
	"log"
	"net/http"
)

func main() {
	go http.ListenAndServe(":8080", nil) // want GL006:low "http.ListenAndServe runs an http.Server"
	resp, err := http.Get("http://localhost:8080/status")
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	select {}
}
