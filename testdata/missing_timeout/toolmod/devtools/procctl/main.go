// A developer's process controller under devtools: low, its owner runs it by hand.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	log.Fatal(http.ListenAndServe(os.Args[1], http.NotFoundHandler())) // want GL006:low "http.ListenAndServe runs an http.Server without timeouts"
}
