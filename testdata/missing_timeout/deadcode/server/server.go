package server

import (
	"net/http"

	"example.com/deadcode/internal/fetch"
)

// Preview fetches the page a request names.
func Preview(w http.ResponseWriter, r *http.Request) {
	body, err := fetch.Page(r.URL.Query().Get("url"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_, _ = w.Write(body)
}
