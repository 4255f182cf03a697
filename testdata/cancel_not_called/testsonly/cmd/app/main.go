package main

import (
	"context"

	"example.com/testsonly/store"
)

func main() {
	s := store.Open()
	s.Refresh(context.Background(), true)
}
