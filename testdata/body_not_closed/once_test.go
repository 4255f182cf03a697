package fixtures

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// A test's one request, to a server that writes its small reply whole: the server's
// connection goes idle, httptest's Close does not wait for it, and the open body costs
// one connection until the test binary exits.
func TestOnceSmallReply(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "pong")
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
	}
}

// A server the test does not start: nothing of the test waits for it.
func TestOnceRemote(t *testing.T) {
	res, err := http.Get("http://localhost:9000/status")
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4)
	_, _ = res.Body.Read(buf)
}

var statusPaths = []string{"/a", "/b"}

// A table of cases written out runs as many requests as it has rows: so many tests
// written out, not a pile.
func TestOnceTables(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.URL.Path)
	}))
	defer ts.Close()
	for _, path := range []string{"/x", "/y"} {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.StatusCode
	}
	cases := map[string]int{"/ok": 200, "/missing": 404}
	for path, want := range cases {
		t.Run(path, func(t *testing.T) {
			res, err := http.Get(ts.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != want {
				t.Errorf("status %d", res.StatusCode)
			}
		})
	}
	for _, path := range statusPaths {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.StatusCode
	}
}

// A handler that streams (writes and flushes in a loop) is reported, of low confidence
// as all test code's: whether it outgrows the socket's buffers and makes httptest's
// Close wait rests on how much it writes.
func TestOnceStream(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for i := 0; ; i++ {
			fmt.Fprintf(w, "event %d\n", i)
			w.(http.Flusher).Flush()
		}
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "^`res.Body` from http.Get is never closed: defer res.Body.Close\(\) after the error check$"
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
	}
}

// So may one that copies a file of any size to the client.
func TestOnceFile(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, err := os.Open("testdata/big.bin")
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		defer f.Close()
		io.Copy(w, f)
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	_ = res.StatusCode
}

// A counted loop: one more open body per turn.
func TestOnceCounted(t *testing.T) {
	for i := 0; i < 50; i++ {
		res, err := http.Get(testURL) // want GL008:low "`res.Body` from http.Get is never closed: call res.Body.Close\(\) before the iteration ends"
		if err != nil {
			t.Fatal(err)
		}
		_, _ = res.Body.Read(make([]byte, 4))
	}
}

// A helper that tests call: one more open body per call.
func statusOf(t *testing.T, url string) int {
	res, err := http.Get(url) // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	_, _ = res.Body.Read(make([]byte, 4))
	return res.StatusCode
}

func TestOnceThroughHelper(t *testing.T) {
	if statusOf(t, testURL) != http.StatusOK {
		t.Error("not ok")
	}
}

// An Example runs once per run of the tests: low outside loops.
func ExampleGet() {
	res, err := http.Get("http://localhost:9000/status") // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		return
	}
	fmt.Println(res.StatusCode)
}

// In a loop, each request adds a connection: shown.
func ExampleGet_each() {
	for i := 0; i < 3; i++ {
		res, err := http.Get("http://localhost:9000/status") // want GL008 "`res.Body` from http.Get is"
		if err != nil {
			return
		}
		fmt.Println(res.StatusCode)
	}
}
