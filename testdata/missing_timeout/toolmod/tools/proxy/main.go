// A program in the tools folder at the top of the module: low, the project's supporting
// programs by the common layout (a service some project ships from there goes low too).
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
