package server

import (
	"net/http"

	"example.com/svc/cache"
)

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var link *cache.Link = h.links.OpenLink()
	defer link.Close()
	start(link)
}
