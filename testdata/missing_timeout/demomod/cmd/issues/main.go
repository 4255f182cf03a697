// An issue tracker: a word, not a bug's number, so shown.
package main

import (
	"log"
	"net/http"
)

func main() {
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler()} // want GL006 "http.Server without ReadHeaderTimeout"
	log.Fatal(srv.ListenAndServe())
}
