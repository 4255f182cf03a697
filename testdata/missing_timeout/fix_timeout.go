package fixes

import (
	"net/http"
	"os"

	"example.com/metrics"
)

func client() *http.Client {
	return &http.Client{} // want GL006
}

func server(mux *http.ServeMux) *http.Server {
	metrics.Register(os.Getenv("NAME"))
	return &http.Server{ // want GL006
		Addr:    ":8080",
		Handler: mux,
	}
}
