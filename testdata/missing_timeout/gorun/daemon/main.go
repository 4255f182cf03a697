// Command daemon serves the API. Its companion tool is run with
//
//	go run ./cmd/seed
package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	log.Print(http.ListenAndServe(":8080", nil)) // want GL006 "http.ListenAndServe runs an http.Server"
}
