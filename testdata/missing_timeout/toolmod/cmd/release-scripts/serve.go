// The release helper's preview server, run by the project's developers: low.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	srv := &http.Server{Addr: os.Args[1], Handler: http.FileServer(http.Dir("/srv/dist"))} // want GL006:low "http.Server without ReadHeaderTimeout"
	log.Fatal(srv.ListenAndServe())
}
