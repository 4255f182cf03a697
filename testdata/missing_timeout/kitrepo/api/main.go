// The service of the repository's api module: shown.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	log.Fatal(http.ListenAndServe(os.Args[1], http.NotFoundHandler())) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
