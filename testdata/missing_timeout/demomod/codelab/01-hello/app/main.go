// A codelab's sample app: teaching material, run by hand by whoever follows it.
package main

import (
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", nil)) // want GL006:low "http.ListenAndServe runs an http.Server"
}
