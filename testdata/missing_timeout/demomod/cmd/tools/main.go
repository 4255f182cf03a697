// A program named tools below the module's top (`cmd/tools`): the server of the
// project's tools service, deployed like any other.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	log.Fatal(http.ListenAndServe(os.Getenv("ADDR"), http.NotFoundHandler())) // want GL006 "http.ListenAndServe runs an http.Server"
}
