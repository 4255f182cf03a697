// A proxy the project ships under tools: shown, tools also hold services.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	srv := &http.Server{Addr: os.Args[1], Handler: http.NotFoundHandler()} // want GL006 "http.Server without ReadHeaderTimeout"
	log.Fatal(srv.ListenAndServe())
}
