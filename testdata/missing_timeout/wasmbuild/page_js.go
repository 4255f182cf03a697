package wasmbuild

import "net/http"

// A file built for GOOS=js by its name.
func servePage(addr string) error {
	return http.ListenAndServe(addr, http.NotFoundHandler())
}

// Its client still waits on a remote server: reported.
func fetchPage(url string) (*http.Response, error) {
	return http.Get(url) // want GL006 "http.Get uses http.DefaultClient"
}
