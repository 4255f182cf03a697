// Package httpx builds HTTP clients for the other packages of the module.
package httpx

import (
	"net/http"
	"sync"
	"time"
)

// NewTransportClient builds a client on a new transport on every call.
func NewTransportClient(timeout time.Duration) *http.Client {
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConnsPerHost = 4
	client := &http.Client{Timeout: timeout, Transport: base}
	return client
}

// NewTransport returns a new transport.
func NewTransport() *http.Transport {
	return &http.Transport{IdleConnTimeout: time.Minute}
}

var (
	shared     *http.Client
	sharedOnce sync.Once
)

// SharedClient builds its client once.
func SharedClient() *http.Client {
	sharedOnce.Do(func() {
		shared = &http.Client{Timeout: time.Minute, Transport: &http.Transport{}}
	})
	return shared
}

var cached *http.Client

// CachedClient keeps the client it builds.
func CachedClient() *http.Client {
	if cached == nil {
		cached = &http.Client{Transport: &http.Transport{}}
	}
	return cached
}

// PlainClient shares the default transport.
func PlainClient(timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout}
}

// OneShotClient keeps no connection alive.
func OneShotClient() *http.Client {
	return &http.Client{Timeout: time.Minute, Transport: &http.Transport{DisableKeepAlives: true}}
}
