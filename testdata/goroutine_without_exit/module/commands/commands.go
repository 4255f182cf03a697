// Package commands holds the service's subcommands, which main runs by name.
package commands

import (
	"example.com/svc/cache"
	"example.com/svc/server"
)

var Table = map[string]func(){"serve": serve}

func serve() {
	janitor := cache.NewJanitor()
	defer janitor.Close()
	if err := server.Serve(); err != nil {
		panic(err)
	}
}
