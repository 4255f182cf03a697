package pkgconfigured

import (
	"net/http"
	"time"
)

type settings struct{ Timeout time.Duration }

var conf settings

type forwarder struct{ hc *http.Client }

func (f *forwarder) Start() {
	proxied.Timeout = 10 * time.Second
	f.hc = proxied
	api.ReadHeaderTimeout = 5 * time.Second
	go api.ListenAndServe()
	conf.Timeout = time.Second
}

func other() *http.Client {
	bare := &http.Client{Timeout: time.Second}
	bare.Timeout = 2 * time.Second
	return bare
}

func get(u string) (*http.Response, error) {
	return proxied.Get(u)
}
