package main

import (
	"log"
	"net/http"
	"time"
)

func dialSettings() *http.Transport {
	return &http.Transport{TLSHandshakeTimeout: 5 * time.Second}
}

// A second factory of the program adjusts the transport and returns it.
func backendTransport(insecure bool) *http.Transport {
	t := dialSettings()
	if insecure {
		t.TLSClientConfig = nil
	}
	return t
}

type proxy struct{ backend string }

// A handler runs once per request: each one leaves a pool behind.
func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rt := backendTransport(false) // want GL005
	out := r.Clone(r.Context())
	out.URL.Host = p.backend
	resp, err := rt.RoundTrip(out)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

// One factory deep, dropped by a handler.
func statusTransport() *http.Transport {
	return &http.Transport{MaxIdleConns: 2} // want GL005
}

func status(w http.ResponseWriter, r *http.Request) {
	resp, err := (&http.Client{Transport: statusTransport()}).Get("http://localhost:9000/status")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

// One factory deep, called once when the program starts.
func warmUpTransport() *http.Transport {
	return &http.Transport{MaxIdleConns: 1}
}

func warmUp(u string) {
	resp, err := (&http.Client{Transport: warmUpTransport()}).Get(u)
	if err == nil {
		resp.Body.Close()
	}
}

// Two factories deep, called once when the program starts.
func checkBackend(u string) {
	resp, err := (&http.Client{Transport: backendTransport(true)}).Get(u)
	if err == nil {
		resp.Body.Close()
	}
}

func main() {
	warmUp("http://localhost:9000/")
	checkBackend("http://localhost:9000/")
	http.HandleFunc("/status", status)
	log.Fatal(http.ListenAndServe(":8080", &proxy{backend: "localhost:9000"}))
}
