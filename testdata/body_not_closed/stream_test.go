package fixtures // helpers that tests call (each call may hold a connection); once_test.go: tests

import (
	"io"
	"net/http"
	"testing"
)

// Reads the streamed body piece by piece, then ends unless the next read says EOF:
// the body was read to its end.
func checkStreamToEOF(t *testing.T) {
	res, err := http.Get(testURL + "stream")
	if err != nil {
		t.Fatal(err)
	}
	var buf [8]byte
	for _, want := range []string{"one", "two"} {
		if _, err := io.ReadFull(res.Body, buf[:len(want)]); err != nil {
			t.Fatalf("read %q: %v", want, err)
		}
	}
	_, err = io.ReadFull(res.Body, buf[:1])
	if err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
}

// Reads a prefix only and checks nothing about the end: the rest stays unread.
func checkStreamPrefix(t *testing.T) {
	res, err := http.Get(testURL + "stream") // want GL008:low "`res.Body` from http.Get is never closed: defer res.Body.Close\(\) after the error check"
	if err != nil {
		t.Fatal(err)
	}
	var buf [8]byte
	n, err := res.Body.Read(buf[:])
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	t.Log(string(buf[:n]))
}

// The same EOF check written the other way round: the body was read to its end.
func checkStreamToEOFReversed(t *testing.T) {
	res, err := http.Get(testURL + "stream")
	if err != nil {
		t.Fatal(err)
	}
	var buf [8]byte
	_, err = io.ReadFull(res.Body, buf[:3])
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadFull(res.Body, buf[:1])
	if io.EOF != err {
		t.Fatalf("want EOF, got %v", err)
	}
}

// Here `io` is a parameter, and its EOF is not the end of the body.
func checkStreamShadowedEOF(t *testing.T, buf []byte, io struct{ EOF error }) {
	res, err := http.Get(testURL + "stream") // want GL008:low "`res.Body` from http.Get is never closed"
	if err != nil {
		t.Fatal(err)
	}
	_, err = res.Body.Read(buf)
	if err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
}
