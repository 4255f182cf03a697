// Package probetest is named as Go names packages of test helpers (httptest,
// iotest): its code runs in tests only, and GL008 reports there what it reports in
// tests.
package probetest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"
)

// WaitReady polls a server the test starts until it answers: a request expected to
// fail until then, its response discarded.
func WaitReady(url string) {
	for i := 0; i < 60; i++ {
		if _, err := http.Get(url); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// Fetch reads the body to EOF: the transport has the connection back.
func Fetch(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Status never reads nor closes a body the server writes: every test that calls it
// keeps a connection busy.
func Status() (int, error) {
	resp, err := http.Get("http://127.0.0.1:9090/metrics") // want GL008:low "`resp.Body` from http.Get is never closed: defer resp.Body.Close\(\) after the error check"
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %s", resp.Status)
	}
	return resp.StatusCode, nil
}

// Cluster is driven by the tests; its methods take no testing.T of their own.
type Cluster struct {
	t    *testing.T
	addr string
}

// Members reads the whole answer: the connection is free again.
func (c *Cluster) Members() []byte {
	resp, err := http.Get("http://" + c.addr + "/members")
	if err != nil {
		c.t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return b
}

// Leader decodes the answer of a server it does not start and never closes it: a
// decoding that fails part way keeps the connection busy (a warning).
func (c *Cluster) Leader() string {
	resp, err := http.Get("http://127.0.0.1:2379/leader") // want GL008:low "`resp.Body` from http.Get is decoded or read but never closed, which net/http asks for: defer resp.Body.Close\(\) after the error check"
	if err != nil {
		c.t.Fatal(err)
	}
	var v struct{ Name string }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		c.t.Fatal(err)
	}
	return v.Name
}
