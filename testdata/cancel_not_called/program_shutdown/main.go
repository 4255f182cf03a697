package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

// main's own shutdown goroutine runs once per process: one timer that ends at its
// deadline, with the program.
func main() {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	idle := make(chan struct{})
	go func() {
		interrupt := make(chan os.Signal, 1)
		signal.Notify(interrupt, os.Interrupt)
		<-interrupt
		ctx, _ := context.WithTimeout(context.Background(), 5*time.Second)
		_ = srv.Shutdown(ctx)
		close(idle)
	}()
	_ = srv.ListenAndServe()
	<-idle
	http.HandleFunc("/", handle)
	poll(srv)
}

// A handler runs once per request: reported.
func handle(w http.ResponseWriter, r *http.Request) {
	ctx, _ := context.WithTimeout(r.Context(), time.Second) // want GL009 "discarded with `_`"
	<-ctx.Done()
}

// A loop makes one per round: reported.
func poll(srv *http.Server) {
	for {
		ctx, _ := context.WithTimeout(context.Background(), time.Second) // want GL009 "discarded with `_`"
		_ = srv.Shutdown(ctx)
	}
}
