package fixtures // helpers that tests call (each call may hold a connection); once_test.go: tests

import (
	"crypto/tls"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/quic-go/quic-go/http3"
	"golang.org/x/net/http2"
)

// A reply of the test's own server decoded whole: the decoder's first read takes the
// few bytes and io.EOF with them, and the transport has the connection back.
func checkDecodedReply(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]int{"n": 1})
	}))
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/state")
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]int
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatal(err)
	}
}

func checkDecodedXML(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<v>1</v>"))
	}))
	defer ts.Close()
	resp, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(resp.Body)
	var v int
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
}

// A server the test does not start may answer with more than a few lines.
func checkDecodedRemote(t *testing.T) {
	resp, err := http.Get("https://example.com/api") // want GL008:low "`resp.Body` from http.Get is decoded or read but never closed"
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]int
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatal(err)
	}
}

// Decoded on one path only: the other leaves the reply unread.
func checkDecodedSometimes(t *testing.T, ts *httptest.Server) {
	resp, err := http.Get(ts.URL) // want GL008:low "`resp.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode == http.StatusOK {
		var v map[string]int
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			t.Fatal(err)
		}
	}
}

// Over HTTP/2 or HTTP/3 an open stream holds no connection of its own: the
// connection's reader ends when the server closes it.
func checkForcedHTTP2(t *testing.T) {
	server := &http.Server{Addr: ":7443", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("OK"))
	})}
	go server.ListenAndServeTLS("cert.pem", "key.pem")
	defer server.Close()
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig:   &tls.Config{InsecureSkipVerify: true},
		ForceAttemptHTTP2: true,
	}}
	resp, err := client.Get("https://localhost:7443")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatal(resp.Status)
	}
}

// ForceAttemptHTTP2 over plain http is HTTP/1.
func checkForcedHTTP2Plain(t *testing.T) {
	server := &http.Server{Addr: ":7080", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("OK"))
	})}
	go server.ListenAndServe()
	defer server.Close()
	client := &http.Client{Transport: &http.Transport{ForceAttemptHTTP2: true}}
	resp, err := client.Get("http://localhost:7080") // want GL008:low "`resp.Body` from client.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatal(resp.Status)
	}
}

func checkHTTP3Stream(t *testing.T) {
	var client *http.Client
	setup := func() {
		client = &http.Client{Transport: &http3.RoundTripper{}}
	}
	setup()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("line\n"))
	}))
	defer ts.Close()
	resp, err := client.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatal(resp.Status)
	}
}

func checkHTTP2Transport(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("OK"))
	}))
	defer ts.Close()
	client := &http.Client{Transport: &http2.Transport{}}
	resp, err := client.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(resp.Status)
}

// Declared first, then only its status read: the server (not the test's) is not
// shown to write a body, and a test server answers many requests with a status alone.
func checkStatusOnlyDeclared(t *testing.T, url string) {
	var resp *http.Response
	var err error
	resp, err = http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatal(resp.Status)
	}
}

// The same, to a server of the test that writes a body.
func checkStatusOnlyDeclaredBody(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("hello"))
	}))
	defer ts.Close()
	var resp *http.Response
	var err error
	resp, err = http.Get(ts.URL) // want GL008:low "`resp.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatal(resp.Status)
	}
}
