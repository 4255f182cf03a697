// A sample program showing how to mount the handler: examples are not served to strangers.
package main

import (
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", http.NotFoundHandler()))
}
