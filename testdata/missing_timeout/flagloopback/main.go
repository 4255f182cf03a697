package main

import (
	"flag"
	"io"
	"log"
	"net/http"
)

type options struct {
	echo, admin, public string
}

var statusAddr string

// An echo server for the tool's own requests, on the loopback address its flag
// defaults to: only local processes reach it unless its user says otherwise.
func echo(addr string) error {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(w, r.Body)
	})
	return http.ListenAndServe(addr, nil)
}

// Called with a loopback default once and with a public address once: reported.
func serveOn(addr string, h http.Handler) error {
	srv := &http.Server{Addr: addr, Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	return srv.ListenAndServe()
}

func main() {
	opts := &options{}
	flag.StringVar(&opts.echo, "echo-addr", "127.0.0.1:49999", "echo server address")
	flag.StringVar(&opts.admin, "admin-addr", "localhost:9000", "admin address")
	flag.StringVar(&opts.public, "addr", ":8080", "API address")
	flag.StringVar(&statusAddr, "status-addr", "[::1]:9090", "status page address")
	flag.Parse()
	go echo(opts.echo)
	go serveOn(opts.admin, http.NotFoundHandler())
	go func() {
		log.Println(http.ListenAndServe(statusAddr, http.NotFoundHandler()))
	}()
	go metricsCommand(flag.Args())
	log.Fatal(serveOn(opts.public, http.NotFoundHandler()))
}

// A flag set of its own, pflag-style shorthand aside: the same.
func metricsCommand(args []string) error {
	fs := flag.NewFlagSet("metrics", flag.ExitOnError)
	var listen, public string
	fs.StringVar(&listen, "listen", "localhost:9100", "metrics address")
	fs.StringVar(&public, "public", "0.0.0.0:9101", "public address")
	if err := fs.Parse(args); err != nil {
		return err
	}
	go http.ListenAndServe(listen, http.NotFoundHandler())
	return http.ListenAndServe(public, http.NotFoundHandler()) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
