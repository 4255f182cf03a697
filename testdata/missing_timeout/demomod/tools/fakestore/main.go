// A supporting program in the module's top-level tools folder: a fake store its
// developers run by hand for the integration tests.
package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("addr", ":5055", "listen address")
	flag.Parse()
	log.Fatal(http.ListenAndServe(*addr, http.NotFoundHandler())) // want GL006:low "http.ListenAndServe runs an http.Server"
}
