package fixtures

import (
	"context"
	"net/http"
	"time"
)

// Only sends a HEAD request through the client it is given: it configures nothing.
func probeSize(c *http.Client, url string) int64 {
	resp, err := c.Head(url)
	if err != nil {
		return -1
	}
	resp.Body.Close()
	return resp.ContentLength
}

// Hands the client on to a function that only uses it.
func probeTwice(c *http.Client, url string) int64 {
	if n := probeSize(c, url); n >= 0 {
		return n
	}
	return probeSize(c, url)
}

// The client goes to helpers that only send through it: no timeout is set anywhere.
func download(ctx context.Context, url string) error {
	client := &http.Client{} // want GL006 "http.Client without Timeout waits forever for a server that stops answering; set Timeout, or ResponseHeaderTimeout on its Transport for long downloads"
	if probeTwice(client, url) == 0 {
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Sets the timeout on the client it is given.
func withTimeout(c *http.Client) {
	c.Timeout = time.Minute
}

// The helper configures the client: it has a timeout when it is used.
func downloadConfigured(url string) error {
	hc := &http.Client{}
	withTimeout(hc)
	resp, err := hc.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Only serves with the server it is given.
func serveOn(s *http.Server) error {
	return s.ListenAndServe()
}

// The server goes to a helper that only serves it: no header timeout anywhere.
func startServer(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want GL006 "http.Server without ReadHeaderTimeout or ReadTimeout lets a slow client hold a goroutine and a socket as long as it likes \(Slowloris\); set ReadHeaderTimeout"
	return serveOn(srv)
}
