package fixtures

import (
	"net/http"

	"github.com/onsi/gomega"
)

// An e2e suite's helper outside _test.go (it asserts with gomega): test support code.
func waitForReady(url string) {
	resp, err := http.Get(url)
	gomega.Expect(err).NotTo(gomega.HaveOccurred())
	resp.Body.Close()
}
