// Package integration drives a deployment under test: a folder of test programs of its
// module, as e2e is.
package integration

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Stop asks the server under test to exit: the request is expected to fail as the
// server goes away mid-answer, and its response is dropped.
func Stop(url string, code int) error {
	_, err := http.Get(fmt.Sprintf("%s/exit/%d", url, code))
	if err == nil {
		return fmt.Errorf("server did not exit")
	}
	return nil
}

// WaitReady reads one byte of each answer: each turn leaves a body open.
func WaitReady(url string) bool {
	buf := make([]byte, 1)
	for i := 0; i < 50; i++ {
		resp, err := http.Get(url) // want GL008:low "`resp.Body` from http.Get is never closed"
		if err != nil {
			return false
		}
		if n, _ := resp.Body.Read(buf); n == 1 && buf[0] == 'y' {
			return true
		}
	}
	return false
}

// Nodes asks a node the test run started for its peers: the body stays open only when
// the node answers a status the harness did not expect, a small reply written whole
// by a server the run tears down (low).
func Nodes(url string) ([]string, error) {
	resp, err := http.Get(url + "/nodes") // want GL008:low
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("nodes: %s", resp.Status)
	}
	defer resp.Body.Close()
	var nodes []string
	err = json.NewDecoder(resp.Body).Decode(&nodes)
	return nodes, err
}

// Leader leaves the body open on a reply it has accepted: reported, of low confidence
// (only the suite runs it, and its cost ends with the test binary).
func Leader(url string) (string, error) {
	resp, err := http.Get(url + "/leader") // want GL008:low
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return "", fmt.Errorf("leader: %s", resp.Status)
	}
	if resp.Header.Get("X-Leader") != "" {
		return resp.Header.Get("X-Leader"), nil
	}
	defer resp.Body.Close()
	var leader string
	err = json.NewDecoder(resp.Body).Decode(&leader)
	return leader, err
}
