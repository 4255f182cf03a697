package main

import (
	"net/http"

	"example.com/genmod/internal/serve"
)

func init() {
	go serve.NewLive(":8080").Serve(http.NotFoundHandler())
}
