package fixtures

import "net/http"

type stubServer struct{ routes map[string]http.Handler }

func (s stubServer) ListenAndServe(addr string, h http.Handler) error {
	s.routes[addr] = h
	return nil
}

func (stubServer) Get(url string) (string, error) { return url, nil }

// A parameter named http shadows the package: these are the stub's methods, which
// open no connection.
func localNamedHTTP(http stubServer) error {
	if _, err := http.Get("https://example.com"); err != nil {
		return err
	}
	return http.ListenAndServe(":8080", nil)
}

// The Timeout is set on the `client` of the inner block, which shadows this one.
func shadowedClient(insecure bool) *http.Client {
	client := &http.Client{} // want GL006
	if insecure {
		client := &http.Client{Transport: &http.Transport{}}
		client.Timeout = 0
		return client
	}
	return client
}
