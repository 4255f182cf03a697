package messages

import (
	"context"
	"testing"
)

// A test makes its calls one after another: its second connection waits only on a pool
// capped at one, and such a test would hang its suite. Shown only at low confidence.
func TestMessage(t *testing.T) {
	ctx := context.Background()
	conn, err := pool.GetContext(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := message(ctx, "1"); err != nil { // want GL007:low
		t.Fatal(err)
	}
}
