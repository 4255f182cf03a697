// Package harness imports gomega: outside `_test.go`, only test support imports a test
// framework (a harness, a test runner's own code), and it runs in test binaries. GL008
// reports here what it reports in tests: what piles up or can block the run.
package harness

import (
	"bytes"
	"io"
	"net/http"
	"time"

	. "github.com/onsi/gomega"
)

// Members reads the whole answer but never closes it: the connection is free at EOF.
func Members(addr string) []byte {
	resp, err := http.Get("http://" + addr + "/members")
	Expect(err).NotTo(HaveOccurred())
	b, err := io.ReadAll(resp.Body)
	Expect(err).NotTo(HaveOccurred())
	return b
}

// Announce posts to the run's own server and drops the answer, as tests drop the
// responses of requests they expect to fail.
func Announce(addr string, state []byte) {
	http.Post("http://"+addr+"/state", "application/json", bytes.NewReader(state))
}

// Ready polls until the answer says ready, a counted number of tries with a sleep
// between them: each turn that reads part of the answer leaves it open, at most 100 per
// call, and they end with the test binary (low).
func Ready(addr string) bool {
	buf := make([]byte, 1)
	for i := 0; i < 100; i++ {
		resp, err := http.Get("http://" + addr + "/ready") // want GL008:low "`resp.Body` from http.Get is never closed"
		if err != nil {
			return false
		}
		if n, _ := resp.Body.Read(buf); n == 1 && buf[0] == 'y' {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// Watch polls with no bound: each turn leaves its answer open, and they pile up.
func Watch(addr string, seen func(byte)) {
	buf := make([]byte, 1)
	for {
		resp, err := http.Get("http://" + addr + "/state") // want GL008:low "`resp.Body` from http.Get is never closed"
		if err != nil {
			return
		}
		if n, _ := resp.Body.Read(buf); n == 1 {
			seen(buf[0])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Sweep asks each address in turn, with no early exit: one open answer per address.
func Sweep(addrs []string, seen func(byte)) {
	buf := make([]byte, 1)
	for i := 0; i < 3; i++ {
		resp, err := http.Get("http://" + addrs[i] + "/state") // want GL008:low "`resp.Body` from http.Get is never closed"
		if err != nil {
			continue
		}
		if n, _ := resp.Body.Read(buf); n == 1 {
			seen(buf[0])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
