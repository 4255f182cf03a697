package fixtures

import "net/http"

type pageCache struct{}

type page struct{ Body []byte }

func (pageCache) Get(url string) (*page, error) { return &page{}, nil }

// A parameter named http shadows the package: its Get returns a cached page with
// nothing to close.
func localNamedHTTP(http pageCache) int {
	p, err := http.Get("https://example.com")
	if err != nil {
		return 0
	}
	return int(p.Body[0])
}

// The package itself, for contrast.
func packageGet() int {
	resp, err := http.Get("https://example.com") // want GL008 "`resp.Body` from http.Get is never closed"
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
