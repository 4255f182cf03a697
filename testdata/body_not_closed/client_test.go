package fixtures

import (
	"net/http"
	"testing"
)

func TestUnreachable(t *testing.T) {
	_, err := http.Get("http://192.0.2.1:1/")
	if err == nil {
		t.Fatal("want an error")
	}
}

func TestStatus(t *testing.T) {
	resp, err := http.Get("http://localhost/") // want GL008 "never closed"
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}
