package web_test // helpers that tests call

import (
	. "net/http"
	"testing"
)

// net/http is dot-imported: Client, NewRequest and MethodHead are its names, since no
// file of the package declares them.
func checkHead(t *testing.T) {
	c := &Client{}
	req, _ := NewRequest(MethodHead, "http://example.com/", nil)
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != StatusOK {
		t.Fatal(res.Status)
	}
}

func checkGet(t *testing.T) {
	c := &Client{}
	res, err := c.Get("http://example.com/") // want GL008:low "`res.Body` from c.Get is .*never closed"
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.Body.Read(make([]byte, 512))
	t.Log(n)
}
