package fixtures

import (
	"net/http"
	"testing"
)

// A spec framework's blocks: each Context serves its own specs.

func describe(name string, body func())    { body() }
func beforeEach(body func())               { body() }
func it(name string, body func())          { body() }
func appendHandler(h http.HandlerFunc)     {}
func specURL() string                      { return "" }
func expect(t *testing.T, ok bool)         {}
func TestSpecs(t *testing.T)               { specs(t) }
func failOn(t *testing.T, err error) error { return err }

func specs(t *testing.T) {
	describe("server", func() {
		describe("when the handler writes a body", func() {
			beforeEach(func() {
				appendHandler(func(w http.ResponseWriter, r *http.Request) {
					w.Write([]byte("hello"))
				})
			})
			it("answers 200", func() {
				resp, err := http.Get(specURL()) // want GL008:low "`resp.Body` from http.Get is never closed"
				failOn(t, err)
				expect(t, resp.StatusCode == http.StatusOK)
			})
		})
		describe("when the handler panics", func() {
			beforeEach(func() {
				appendHandler(func(w http.ResponseWriter, r *http.Request) {
					panic("boom")
				})
			})
			// The server's recover answers a bare 500: no body.
			it("answers 500", func() {
				resp, err := http.Get(specURL())
				failOn(t, err)
				expect(t, resp.StatusCode == http.StatusInternalServerError)
			})
		})
	})
}
