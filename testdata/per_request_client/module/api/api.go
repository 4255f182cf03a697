// Package api serves requests with clients of the httpx package.
package api

import (
	"io"
	"net/http"
	"time"

	"example.com/relay/httpx"
)

type server struct {
	client *http.Client
}

func (s *server) relay(w http.ResponseWriter, r *http.Request) {
	client := httpx.NewTransportClient(10 * time.Second) // want GL005
	resp, err := client.Get(r.URL.Query().Get("u"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (s *server) relayTransport(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: time.Second, Transport: httpx.NewTransport()} // want GL005
	resp, err := client.Get(r.URL.Query().Get("u"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (s *server) relayAll(urls []string) {
	for _, u := range urls {
		client := httpx.NewTransportClient(time.Second) // want GL005
		resp, err := client.Get(u)
		if err == nil {
			resp.Body.Close()
		}
	}
}

func (s *server) relayClosed(w http.ResponseWriter, r *http.Request) {
	client := httpx.NewTransportClient(time.Second) // want GL005:low
	defer client.CloseIdleConnections()
	resp, err := client.Get(r.URL.Query().Get("u"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (s *server) relayShared(w http.ResponseWriter, r *http.Request) {
	resp, err := httpx.SharedClient().Get(r.URL.Query().Get("u"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (s *server) relayCached(w http.ResponseWriter, r *http.Request) {
	resp, err := httpx.CachedClient().Get(r.URL.Query().Get("u"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (s *server) relayPlain(w http.ResponseWriter, r *http.Request) {
	resp, err := httpx.PlainClient(time.Second).Get(r.URL.Query().Get("u"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (s *server) relayOneShot(w http.ResponseWriter, r *http.Request) {
	resp, err := httpx.OneShotClient().Get(r.URL.Query().Get("u"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (s *server) relayKept(w http.ResponseWriter, r *http.Request) {
	if s.client == nil {
		s.client = httpx.NewTransportClient(time.Second)
	}
	resp, err := s.client.Get(r.URL.Query().Get("u"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// NewServer builds its client once.
func NewServer() *server {
	return &server{client: httpx.NewTransportClient(time.Minute)}
}
