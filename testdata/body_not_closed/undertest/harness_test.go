package undertest_test

import (
	"fmt"
	"io"
	"net/http"
	"testing"
)

// A harness's method in an external test package: test code, whatever its name (low).
type environment struct {
	client *http.Client
	root   string
}

func (e *environment) Root() ([]byte, error) {
	resp, err := e.client.Get(e.root) // want GL008:low "`resp.Body` from e.client.Get is not closed when the function returns at line 19"
	if err != nil || resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %v", e.root, err)
	}
	return io.ReadAll(resp.Body)
}

func TestRoot(t *testing.T) {
	e := &environment{client: http.DefaultClient, root: "http://127.0.0.1:14000/roots/0"}
	for i := 0; i < 3; i++ {
		if _, err := e.Root(); err != nil {
			t.Fatal(err)
		}
	}
}
