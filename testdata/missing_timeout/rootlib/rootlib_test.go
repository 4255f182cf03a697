package rootlib

import (
	"testing"

	"example.com/rootlib/internal/probe"
)

func TestReady(t *testing.T) {
	resp, err := probe.Ready("http://localhost:8080/ready")
	if err != nil {
		t.Skip(err)
	}
	resp.Body.Close()
}
