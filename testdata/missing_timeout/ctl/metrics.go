package ctl

import (
	"io"
	"net/http"
	"strconv"
)

// Called only by an action of another file, once per run: its user sees a stall.
func residentMemory(host string) float64 {
	resp, err := http.Get(host + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	v, _ := strconv.ParseFloat(string(b), 64)
	return v
}

// Exported, for whoever imports the package.
func Version(host string) string {
	resp, err := http.Get(host + "/version") // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// Called from a method that runs any number of times.
func uptime(host string) string {
	resp, err := http.Get(host + "/uptime") // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

type watcher struct{ host string }

func (w *watcher) tick() string { return uptime(w.host) }
