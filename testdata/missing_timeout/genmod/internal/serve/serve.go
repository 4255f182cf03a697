package serve

import "net/http"

// Unused is made only by NewUnused, which nothing calls: its Serve never runs.
type Unused struct {
	addr string
}

func NewUnused(addr string) *Unused {
	return &Unused{addr}
}

func (s *Unused) Serve(handler http.Handler) error {
	return http.ListenAndServe(s.addr, handler) // want GL006:low "http.ListenAndServe runs an http.Server"
}

// Live is made by NewLive, which the program calls.
type Live struct {
	addr string
}

func NewLive(addr string) *Live {
	return &Live{addr}
}

func (s *Live) Serve(handler http.Handler) error {
	return http.ListenAndServe(s.addr, handler) // want GL006 "http.ListenAndServe runs an http.Server"
}
