// A program the suite deploys, in a module of its own below the outer module's test
// folder: a test program, not a service strangers reach.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "hello") })
	_ = http.ListenAndServe(":8080", nil)
}
