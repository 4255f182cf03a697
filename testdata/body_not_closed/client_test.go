package fixtures // helpers that tests call (each call may hold a connection); once_test.go: tests

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/testutil"
)

func checkUnreachable(t *testing.T) {
	_, err := http.Get("http://192.0.2.1:1/")
	if err == nil {
		t.Fatal("want an error")
	}
}

func checkStatus(t *testing.T) {
	resp, err := http.Get("http://localhost/") // want GL008:low "never closed"
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

// The test's own server writes only a status: every response has Content-Length 0,
// and its Body is http.NoBody.
func checkNoContentLeftOpen(t *testing.T) {
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
func checkNotModifiedBody(t *testing.T) {
	res, err := http.Get("http://localhost/cached")
	if err != nil {
		t.Fatal(err)
	}
	if res.Body != http.NoBody {
		t.Error("unexpected body")
	}
}

// A server that writes a body: its responses must be closed.
func checkWrittenBody(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, "hello")
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
	}
}

// One of two servers writes a body: a response may come from it.
func checkTwoServers(t *testing.T) {
	quiet := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	defer quiet.Close()
	loud := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("body"))
	}))
	defer loud.Close()
	res, err := http.Get(loud.URL) // want GL008:low "never closed"
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
func checkEncoderWritesNothing(t *testing.T) {
	handler := encodingServer{encode: func(w http.ResponseWriter, v interface{}) error { return fmt.Errorf("bad") }}
	ts := httptest.NewServer(handler)
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "never closed"
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8)
	_, _ = res.Body.Read(buf)
}

// A second server, started by hand, may write a body.
func checkAlsoServedByHand(t *testing.T) {
	quiet := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	}))
	defer quiet.Close()
	go http.ListenAndServe("127.0.0.1:8089", http.FileServer(http.Dir(".")))
	res, err := http.Get("http://127.0.0.1:8089/") // want GL008:low "never closed"
	if err != nil {
		t.Fatal(err)
	}
	_ = res.StatusCode
}

// The path is routed to a handler literal of the test that only sets headers: the
// response has no body.
func checkRoutedHeadersOnly(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Test", "1")
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	req, err := http.NewRequest(http.MethodGet, ts.URL+"/headers", nil)
	if err != nil {
		t.Fatal(err)
	}
	client := ts.Client()
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Header.Get("X-Test") != "1" {
		t.Error("no header")
	}
}

// The same path routed to a handler that writes: reported, as is another path of the
// mux, which the test does not show.
func checkRoutedBody(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/quiet", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
	})
	mux.Handle("/loud", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "hello")
	}))
	ts := httptest.NewServer(mux)
	defer ts.Close()
	loud, err := http.Get(ts.URL + "/loud") // want GL008:low "`loud.Body` from http.Get is never closed: defer loud.Body.Close\(\) after the error check"
	if err != nil {
		t.Fatal(err)
	}
	other, err := http.Get(ts.URL + "/other") // want GL008:low "`other.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	quiet, err := http.Get(ts.URL + "/quiet")
	if err != nil {
		t.Fatal(err)
	}
	_, _, _ = loud.StatusCode, other.StatusCode, quiet.StatusCode
}

// A test server whose handler another package builds: the test does not show whether
// its responses have a body (a status-only answer has none), and only reads the status.
func checkServerOfAnotherPackage(t *testing.T) {
	ts := httptest.NewServer(testutil.NewHandler(http.StatusAccepted))
	defer ts.Close()
	res, err := http.Get(ts.URL + "/ping")
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusAccepted {
		t.Errorf("status %d", res.StatusCode)
	}
}

func greet(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "hello")
}

// A handler function of the file that writes a body: its responses must be closed.
func checkServerOfThisFile(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(greet))
	defer ts.Close()
	res, err := http.Get(ts.URL + "/greet") // want GL008:low "`res.Body` from http.Get is never closed: defer res.Body.Close\(\) after the error check"
	if err != nil {
		t.Fatal(err)
	}
	_ = res.StatusCode
}

// The same server's body decoded part way: reported whatever the handler.
func checkServerOfAnotherPackageRead(t *testing.T) {
	ts := httptest.NewServer(testutil.NewHandler(http.StatusOK))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4)
	if _, err := res.Body.Read(buf); err != nil {
		t.Fatal(err)
	}
}

// The same variable reused for a second request to that server: a rebinding reads
// nothing, so neither response shows a body.
func checkServerOfAnotherPackageTwice(t *testing.T) {
	ts := httptest.NewServer(testutil.NewHandler(http.StatusUnauthorized))
	defer ts.Close()
	res, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("status %d", res.StatusCode)
	}
	res, err = http.Get(ts.URL + "/again")
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("status %d", res.StatusCode)
	}
}

// A test that expects the request to fail: a response would fail the test.
func checkExpectedFailure(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(greet))
	ts.Close()
	res, err := http.Get(ts.URL)
	if res != nil {
		t.Errorf("got %v; want no response", res.Status)
	}
	if err == nil {
		t.Error("want an error")
	}
}

// The same server up: the response is checked, not expected to fail.
func checkExpectedSuccess(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(greet))
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "never closed"
	if err != nil {
		t.Fatal(err)
	}
	if res.Status == "" {
		t.Error("no status")
	}
}

func startGreeter() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(greet))
}

// A server that a helper of the file starts, serving a handler that writes a body.
func checkServerOfHelper(t *testing.T) {
	ts := startGreeter()
	defer ts.Close()
	res, err := http.Get(ts.URL) // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	_ = res.StatusCode
}

// A handler that takes the connection over answers in raw bytes (here an empty
// response): it shows no body, and the test reads only the status.
func checkHijackedAnswer(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		fmt.Fprint(conn, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
		_ = net.Conn(conn)
	}))
	defer ts.Close()
	res, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.StatusCode
}

// The body stays open only where the test has already failed (a read of it failed, or
// the status was wrong): silent.
func checkReadFails(t *testing.T) {
	res, err := http.Get("http://localhost/page")
	if err != nil {
		t.Error(err)
		return
	}
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
		return
	}
	if _, err := fmt.Fscan(res.Body); err != nil {
		t.Error(err)
		return
	}
	res.Body.Close()
}

// A path that returns without failing the test leaves the body open: reported.
func checkReadSkips(t *testing.T) {
	res, err := http.Get("http://localhost/page") // want GL008:low "`res.Body` from http.Get is closed on the happy path but not when the function returns at line \d+"
	if err != nil {
		t.Error(err)
		return
	}
	if res.StatusCode == http.StatusNotFound {
		t.Log("no page")
		return
	}
	res.Body.Close()
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// A fake transport that builds every response itself holds no connection: silent.
func checkRedirects(t *testing.T) {
	client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Path == "/moved" {
			return &http.Response{StatusCode: http.StatusNotFound}, nil
		}
		return &http.Response{StatusCode: http.StatusMovedPermanently, Header: http.Header{"Location": {"/moved"}}}, nil
	})}
	resp, err := client.Get("http://localhost/")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.StatusCode
}

// One that hands the request on to a real transport is not a fake: reported.
func checkForwards(t *testing.T) {
	client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return http.DefaultTransport.RoundTrip(r)
	})}
	resp, err := client.Get("http://localhost/") // want GL008:low "`resp.Body` from client.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.StatusCode
}
