package proxy

import (
	"fmt"
	"log"
	"net/http"
)

type Proxy struct {
	Args Arguments
}

// On the host the flag defaults to loopback: only local processes reach it.
func (p *Proxy) Start(h http.Handler) {
	go func() {
		server := &http.Server{
			Addr:    fmt.Sprintf("%s:%d", p.Args.Bind, p.Args.Port),
			Handler: h,
		}
		if err := server.ListenAndServe(); err != nil {
			log.Print(err)
		}
	}()
}

// On the host whose default is every interface: reported.
func (p *Proxy) StartPublic(h http.Handler) error {
	server := &http.Server{ // want GL006 "http.Server without ReadHeaderTimeout"
		Addr:    fmt.Sprintf("%s:%d", p.Args.PublicBind, p.Args.Port),
		Handler: h,
	}
	return server.ListenAndServe()
}
