package fixtures

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// Test code reports only a body that can hold its connection.

// Read to EOF: the transport has the connection back already.
func TestReadToEOF(t *testing.T) {
	res, err := http.Get(testURL)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(string(body))
}

// Each iteration's body read to EOF.
func TestReadEachToEOF(t *testing.T) {
	for i := 0; i < 3; i++ {
		res, err := http.Get(testURL)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, res.Body); err != nil {
			t.Error(err)
		}
	}
}

// Left open only after the test has failed.
func TestDecodeFails(t *testing.T) {
	for i := 0; i < 3; i++ {
		res, err := http.Get(testURL)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]string
		if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
			t.Errorf("decode: %v", err)
			break
		}
		res.Body.Close()
	}
}

// Decoded, which may stop before EOF, and never closed: the connection stays busy,
// in every iteration.
func TestDecodeEach(t *testing.T) {
	for i := 0; i < 3; i++ {
		res, err := http.Get(testURL) // want GL008 "`res.Body` from http.Get is never closed: call res.Body.Close\(\) before the iteration ends"
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]string
		if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
			t.Error(err)
		}
	}
}

// Left open on a return that is no failure.
func TestSkipsClose(t *testing.T) {
	res, err := http.Get(testURL) // want GL008 "`res.Body` from http.Get is closed on the happy path but not when the function returns at line 76"
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.Body.Read(make([]byte, 1)); n == 0 {
		return
	}
	res.Body.Close()
}
