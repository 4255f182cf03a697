// The module's server: shown; and a file server of the folder it runs in, a hand-run
// subcommand: low.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "file-server" {
		dir, _ := os.Getwd()
		log.Fatal(http.ListenAndServe(os.Args[2], http.StripPrefix("/", http.FileServer(http.Dir(dir))))) // want GL006:low "http.ListenAndServe runs an http.Server"
	}
	if len(os.Args) > 2 && os.Args[1] == "here" {
		log.Fatal(http.ListenAndServe(os.Args[2], http.FileServer(http.Dir(".")))) // want GL006:low "http.ListenAndServe runs an http.Server"
	}
	if len(os.Args) > 2 && os.Args[1] == "assets" {
		log.Fatal(http.ListenAndServe(os.Args[2], http.FileServer(http.Dir("/srv/assets")))) // want GL006 "http.ListenAndServe runs an http.Server"
	}
	srv := &http.Server{Addr: os.Args[1], Handler: http.NotFoundHandler()} // want GL006 "http.Server without ReadHeaderTimeout"
	log.Fatal(srv.ListenAndServe())
}
