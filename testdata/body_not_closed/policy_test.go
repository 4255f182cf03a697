package fixtures

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Helpers that tests call report only a body that can hold its connection.

// Read to EOF: the transport has the connection back already.
func checkReadToEOF(t *testing.T) {
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
func checkReadEachToEOF(t *testing.T) {
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
func checkDecodeFails(t *testing.T) {
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

// Decoded and never closed in a loop: an iteration whose decoding fails part way keeps
// its connection busy (a warning).
func checkDecodeEach(t *testing.T) {
	for i := 0; i < 3; i++ {
		res, err := http.Get(testURL) // want GL008:low "`res.Body` from http.Get is decoded or read but never closed, which net/http asks for: call res.Body.Close\(\) before the iteration ends"
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
func checkSkipsClose(t *testing.T) {
	res, err := http.Get(testURL) // want GL008:low "`res.Body` from http.Get is closed on the happy path but not when the function returns at line 77"
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.Body.Read(make([]byte, 1)); n == 0 {
		return
	}
	res.Body.Close()
}

// A helper that reads the response to EOF before handing it back with its bytes.
func getBody(t *testing.T, url string) (*http.Response, []byte) {
	r, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return r, b
}

// A helper that hands the response back unread.
func getOnly(t *testing.T, url string) (*http.Response, error) {
	r, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if r.StatusCode == http.StatusTeapot {
		io.ReadAll(r.Body)
	}
	return r, nil
}

func checkHelpers(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello")
	}))
	defer ts.Close()
	for i := 0; i < 3; i++ {
		res, body := getBody(t, ts.URL)
		if res.StatusCode != http.StatusOK {
			t.Errorf("status %d: %s", res.StatusCode, body)
		}
		other, err := getOnly(t, testURL) // want GL008:low "`other.Body` from getOnly is never closed: call other.Body.Close\(\) before the iteration ends"
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := other.Body.Read(make([]byte, 1)); n == 0 {
			t.Error("empty")
		}
	}
}

// A local function that reports the failure, then a return: the test has failed.
func checkProxyFails(t *testing.T) {
	errorf := func(format string, args ...any) {
		t.Errorf(format, args...)
	}
	res, err := http.Get(testURL)
	if err != nil {
		errorf("get: %v", err)
		return
	}
	if _, err := io.CopyN(io.Discard, res.Body, 10); err != nil {
		errorf("copy: %v", err)
		return
	}
	res.Body.Close()
}

// A local function that only logs: no failure, reported.
func checkProxyLogs(t *testing.T) {
	logf := func(format string, args ...any) {
		t.Logf(format, args...)
	}
	res, err := http.Get(testURL) // want GL008:low "`res.Body` from http.Get is closed on the happy path but not when the function returns at line \d+"
	if err != nil {
		logf("get: %v", err)
		return
	}
	if _, err := io.CopyN(io.Discard, res.Body, 10); err != nil {
		logf("copy: %v", err)
		return
	}
	res.Body.Close()
}
