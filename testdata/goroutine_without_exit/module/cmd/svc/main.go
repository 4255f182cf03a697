package main

import (
	"example.com/svc/cache"
	"example.com/svc/lib"
	"example.com/svc/server"
)

func main() {
	store := cache.NewStore()
	defer store.Close()
	syncer := cache.NewSyncer(func() {})
	defer syncer.Close()
	client := lib.NewClient()
	defer client.Close()
	if err := server.Serve(); err != nil {
		panic(err)
	}
}
