package fixtures

import (
	"fmt"
	"net/http"
	"net/http/httptest"
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

// The test's own server writes only a status: every response has Content-Length 0,
// and its Body is http.NoBody.
func TestNoContentLeftOpen(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Test", "1")
		w.WriteHeader(http.StatusNoContent)
	}))
	defer ts.Close()
	for i := 0; i < 3; i++ {
		res, err := http.Get(ts.URL)
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != http.StatusNoContent {
			t.Errorf("status %d", res.StatusCode)
		}
	}
}

// The test checks that the body is http.NoBody.
func TestNotModifiedBody(t *testing.T) {
	res, err := http.Get("http://localhost/cached")
	if err != nil {
		t.Fatal(err)
	}
	if res.Body != http.NoBody {
		t.Error("unexpected body")
	}
}

// A server that writes a body: its responses must be closed.
func TestWrittenBody(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, "hello")
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008 "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
	}
}

// One of two servers writes a body: a response may come from it.
func TestTwoServers(t *testing.T) {
	quiet := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	defer quiet.Close()
	loud := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("body"))
	}))
	defer loud.Close()
	res, err := http.Get(loud.URL) // want GL008 "never closed"
	if err != nil {
		t.Fatal(err)
	}
	_ = res.StatusCode
}

type encodingServer struct {
	encode func(w http.ResponseWriter, v interface{}) error
}

func (s encodingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := s.encode(w, nil); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// The server is a value whose error path writes a body; the literal that takes a
// ResponseWriter is only its encoder.
func TestEncoderWritesNothing(t *testing.T) {
	handler := encodingServer{encode: func(w http.ResponseWriter, v interface{}) error { return fmt.Errorf("bad") }}
	ts := httptest.NewServer(handler)
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008 "never closed"
	if err != nil {
		t.Fatal(err)
	}
	_ = res.StatusCode
}

// A second server, started by hand, may write a body.
func TestAlsoServedByHand(t *testing.T) {
	quiet := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	}))
	defer quiet.Close()
	go http.ListenAndServe("127.0.0.1:8089", http.FileServer(http.Dir(".")))
	res, err := http.Get("http://127.0.0.1:8089/") // want GL008 "never closed"
	if err != nil {
		t.Fatal(err)
	}
	_ = res.StatusCode
}
