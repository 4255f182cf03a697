// A program of the repository's tools module (tools/go.mod at the top of a repository
// with no go.mod of its own): a developer's tool, low.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	log.Fatal(http.ListenAndServe(os.Args[1], http.NotFoundHandler())) // want GL006:low "http.ListenAndServe runs an http.Server without timeouts"
}
