// Package web is a framework whose runners serve its router on a server that the
// caller's configurators may set up: its timeouts are the caller's configuration.
package web

import (
	"net"
	"net/http"
)

// Configurator sets up the server before it serves.
type Configurator func(*http.Server)

// Host serves one server.
type Host struct{ server *http.Server }

// Configure applies the caller's configurators.
func (h *Host) Configure(configurators ...Configurator) *Host {
	for _, configure := range configurators {
		configure(h.server)
	}
	return h
}

// ListenAndServe serves on the server's address.
func (h *Host) ListenAndServe() error { return h.server.ListenAndServe() }

// Serve serves on l.
func (h *Host) Serve(l net.Listener) error { return h.server.Serve(l) }

// App is the framework's application.
type App struct{ router http.Handler }

// NewHost gives the server the application's router.
func (app *App) NewHost(srv *http.Server) *Host {
	if srv.Handler == nil {
		srv.Handler = app.router
	}
	return &Host{server: srv}
}

// Runner starts an application.
type Runner func(*App) error

// Addr serves the application on addr, configured by the caller's configurators.
func Addr(addr string, configurators ...Configurator) Runner {
	return func(app *App) error {
		return app.NewHost(&http.Server{Addr: addr}). // want GL006:low "http.Server without ReadHeaderTimeout"
								Configure(configurators...).
								ListenAndServe()
	}
}

// Listener serves the application on l.
func Listener(l net.Listener, configurators ...Configurator) Runner {
	return func(app *App) error {
		host := app.NewHost(&http.Server{Addr: l.Addr().String()}) // want GL006:low "http.Server without ReadHeaderTimeout"
		return host.Configure(configurators...).Serve(l)
	}
}

// Proxy serves a redirect on addr: the caller configures nothing, so it is reported.
func Proxy(addr string, target string) *Host {
	return (&App{}).NewHost(&http.Server{ // want GL006 "http.Server without ReadHeaderTimeout"
		Addr:    addr,
		Handler: http.RedirectHandler(target, http.StatusFound),
	})
}

// Named keeps its options to itself: the server is configured by nothing it is given.
func Named(addr string, names ...string) Runner {
	return func(app *App) error {
		_ = names
		return app.NewHost(&http.Server{Addr: addr}).ListenAndServe() // want GL006 "http.Server without ReadHeaderTimeout"
	}
}
