// The module's own server: a service strangers reach.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "hello") })
	_ = http.ListenAndServe(":8080", nil) // want GL006 "without timeouts"
}
