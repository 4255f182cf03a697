// A local viewer that opens the user's browser on what it serves, through the
// module's own browser package: its one client is that browser.
package main

import (
	"log"
	"net"
	"net/http"
	"os"

	"example.com/demomod/internal/browser"
)

func main() {
	ln, err := net.Listen("tcp", os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	go browser.Open("http://" + ln.Addr().String())
	srv := &http.Server{Handler: http.NotFoundHandler()}
	log.Fatal(srv.Serve(ln))
}
