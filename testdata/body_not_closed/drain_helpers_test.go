package fixtures

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

type health struct{ Status string }

// Reads the body to its end before anything else.
func parseHealth(body io.Reader) (health, error) {
	var h health
	b, err := io.ReadAll(body)
	if err != nil {
		return h, err
	}
	return h, json.Unmarshal(b, &h)
}

// The body goes to a helper of the file that reads it to EOF: the connection is free.
func TestHealth(t *testing.T) {
	for i := 0; i < 3; i++ {
		res, err := http.Get(testURL + "health")
		if err != nil {
			t.Fatal(err)
		}
		h, err := parseHealth(res.Body)
		if err != nil || h.Status != "ok" {
			t.Errorf("health %v, %v", h, err)
		}
	}
}

// A helper that may return before it reads.
func parseIfJSON(kind string, body io.Reader) (health, error) {
	var h health
	if kind != "application/json" {
		return h, nil
	}
	return h, json.NewDecoder(body).Decode(&h)
}

func TestHealthMaybeRead(t *testing.T) {
	for i := 0; i < 3; i++ {
		res, err := http.Get(testURL + "health") // want GL008:low "`res.Body` from http.Get is never closed: call res.Body.Close\(\) before the iteration ends"
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseIfJSON(res.Header.Get("Content-Type"), res.Body); err != nil {
			t.Error(err)
		}
	}
}
