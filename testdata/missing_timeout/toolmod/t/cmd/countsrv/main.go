// A test-suite server in the t folder at the top of the module (Git's layout): low.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	log.Fatal(http.ListenAndServe(os.Args[1], http.NotFoundHandler())) // want GL006:low "http.ListenAndServe runs an http.Server without timeouts"
}
