package server

import (
	"net/http"

	"example.com/svc/cache"
)

func Serve() error {
	http.HandleFunc("/", handle)
	return http.ListenAndServe(":8080", nil)
}

func handle(w http.ResponseWriter, r *http.Request) {
	pool := cache.NewPool()
	defer pool.Close()
	session := cache.NewSession()
	defer session.Close()
	conn := cache.NewConn()
	defer conn.Close()
	start(conn)
}

func start(r interface{ Run() }) { r.Run() }
