// A benchmark-result service the project ships ("benchd" is no benchmarks folder): shown.
package main

import (
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", http.NotFoundHandler())) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
