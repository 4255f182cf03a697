// A build service the project ships ("builder" is not a build folder): shown.
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/toolmod/script"
)

func main() {
	srv := &http.Server{Addr: os.Args[1], Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want GL006 "http.Server without ReadHeaderTimeout"
		resp, err := script.Fetch(r.URL.Query().Get("hook"))
		if err == nil {
			resp.Body.Close()
		}
	})}
	log.Fatal(srv.ListenAndServe())
}
