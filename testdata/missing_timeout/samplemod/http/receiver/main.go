// A sample program in a module of its own whose module path names the samples folder
// of its repository: it shows the library's use and serves no strangers.
package main

import (
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", http.NotFoundHandler()))
}
