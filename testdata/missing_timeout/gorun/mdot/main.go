/*
Command mdot draws a program's syntax tree.

To view it in a browser, run

	go run example.com/tools/gorun/mdot --prog x.prog --http_port 8080

and visit http://localhost:8080.
*/
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
)

var port = flag.String("http_port", "", "serve the drawing on this port")

func main() {
	flag.Parse()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "tree") })
	log.Print(http.ListenAndServe(fmt.Sprintf(":%s", *port), nil)) // want GL006:low "http.ListenAndServe runs an http.Server"
}
