package store

import (
	"context"
	"testing"
)

func TestFill(t *testing.T) {
	s := Open()
	fill(context.Background(), s, false)
	if s.items["a"] != 1 {
		t.Fatal("not filled")
	}
}

func TestFiller(t *testing.T) {
	f := filler{s: Open()}
	f.Fill(context.Background(), false)
}
