// Package harness imports gomega, but a test framework's import alone does not make
// code test code (the framework's own code imports it too): GL008 reports here what
// it reports in production code.
package harness

import (
	"io"
	"net/http"

	. "github.com/onsi/gomega"
)

// Members reads the whole answer but never closes it: net/http's contract.
func Members(addr string) []byte {
	resp, err := http.Get("http://" + addr + "/members") // want GL008 "`resp.Body` from http.Get is read until EOF or an error but never closed"
	Expect(err).NotTo(HaveOccurred())
	b, err := io.ReadAll(resp.Body)
	Expect(err).NotTo(HaveOccurred())
	return b
}
