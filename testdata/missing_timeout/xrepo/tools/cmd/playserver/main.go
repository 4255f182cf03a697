// A repository whose own module is named tools (`example.org/x/tools`): its programs are
// the project's product, shown.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	log.Fatal(http.ListenAndServe(os.Args[1], http.NotFoundHandler())) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
