// Package testkit helps tests: its helpers take the test's handle, a TestingT.
package testkit

import (
	"crypto/tls"
	"io"
	"net/http"

	"example.com/kit/testing"
)

// Get fetches url for the calling test with its own TLS settings.
func Get(t testing.TestingT, url string, config *tls.Config) string {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = config
	client := http.Client{Transport: tr}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

// Fetch takes no test handle: a server may call it per request.
func Fetch(url string, config *tls.Config) ([]byte, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want GL005:low
	tr.TLSClientConfig = config
	client := http.Client{Transport: tr}
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
