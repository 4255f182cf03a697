package lsp

import (
	"log"
	"net/http"
)

type Arguments struct {
	HTTPDebug string
	Listen    string
	DebugAddr string
}

// The debug web server runs only when its user gives it an address.
func Run(args Arguments, h http.Handler) {
	if args.HTTPDebug != "" {
		go func() {
			if err := http.ListenAndServe(args.HTTPDebug, h); err != nil {
				log.Print(err)
			}
		}()
	}
	if len(args.DebugAddr) > 0 {
		srv := &http.Server{Addr: args.DebugAddr, Handler: h}
		go srv.ListenAndServe()
	}
}

// A debug listener that is always on: reported.
func Debug(args Arguments, h http.Handler) error {
	return http.ListenAndServe(args.DebugAddr, h) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

// An address given by the user, not named for debugging: a service.
func ServeAPI(args Arguments, h http.Handler) error {
	if args.Listen != "" {
		return http.ListenAndServe(args.Listen, h) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
	}
	return nil
}

type options struct {
	metricsAddr string
}

// A metrics server turned on by its address is still a long-running listener of the
// daemon: reported (only debug endpoints are opt-in sessions).
func Serve(opts options, h http.Handler) {
	if opts.metricsAddr != "" {
		srv := &http.Server{Addr: opts.metricsAddr, Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
		go srv.ListenAndServe()
	}
}
