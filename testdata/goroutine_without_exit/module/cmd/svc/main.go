package main

import (
	"os"

	"example.com/svc/cache"
	"example.com/svc/commands"
	"example.com/svc/lib"
)

func main() {
	store := cache.NewStore()
	defer store.Close()
	syncer := cache.NewSyncer(func() {})
	defer syncer.Close()
	client := lib.NewClient()
	defer client.Close()
	refresher := lib.NewRefresher()
	defer refresher.Close()
	commands.Table[os.Args[1]]()
}
