package fixtures

import (
	"net"
	"net/http"
	"os/exec"
	"time"

	aliased "github.com/gomodule/redigo/redis"
)

func newWaitingPool() *aliased.Pool {
	return &aliased.Pool{
		MaxActive:   50,
		Wait:        true,
		IdleTimeout: time.Minute,
	}
}

// A tool's local web UI, opened in the user's own browser: its one client is that
// browser, so neither the server nor http.Serve is reported (local.go's servers,
// with no browser, are).
func serveUI(hostport string, mux *http.ServeMux) error {
	ln, err := net.Listen("tcp", hostport)
	if err != nil {
		return err
	}
	go openBrowser("http://" + ln.Addr().String())
	s := &http.Server{Handler: mux}
	return s.Serve(ln)
}

func serveReport(ln net.Listener) error {
	return http.Serve(ln, nil)
}

func openBrowser(url string) {
	_ = exec.Command("xdg-open", url).Start()
}
