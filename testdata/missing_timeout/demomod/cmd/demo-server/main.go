// A demonstration server, named so by its folder: run by hand to show the sidecar.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	srv := &http.Server{Addr: os.Args[1], Handler: http.NotFoundHandler()} // want GL006:low "http.Server without ReadHeaderTimeout"
	log.Fatal(srv.ListenAndServe())
}
