package debugroute

import (
	"net/http"
	"net/http/pprof"
	"runtime/debug"

	"github.com/go-chi/chi/v5"
)

var debugServer *http.Server

// An opt-in debug listener on a router whose every route is under /debug: not reported.
func applyDebugListen(listen string) {
	if listen == "" {
		return
	}
	r := chi.NewMux()
	r.Route("/debug", func(r chi.Router) {
		r.Get("/gc", func(w http.ResponseWriter, _ *http.Request) {
			debug.FreeOSMemory()
		})
		r.HandleFunc("/pprof/profile", pprof.Profile)
	})
	debugServer = &http.Server{Addr: listen, Handler: r}
	go debugServer.ListenAndServe()
}

// A router that also serves the API beside /debug: reported.
func applyDebugAndAPI(listen string, api http.Handler) {
	r := chi.NewMux()
	r.Route("/debug", func(r chi.Router) {
		r.HandleFunc("/pprof/profile", pprof.Profile)
	})
	r.Mount("/api", api)
	srv := &http.Server{Addr: listen, Handler: r} // want GL006 "http.Server without ReadHeaderTimeout"
	go srv.ListenAndServe()
}

// A router handed to another function, which may add any route: reported.
func applyDebugHanded(listen string, register func(chi.Router)) {
	r := chi.NewMux()
	r.Get("/debug/gc", func(w http.ResponseWriter, _ *http.Request) {})
	register(r)
	srv := &http.Server{Addr: listen, Handler: r} // want GL006 "http.Server without ReadHeaderTimeout"
	go srv.ListenAndServe()
}
