// Package stats reads an admin endpoint of a pod: called from podctl's commands, and
// (Healthy) from the API server's request handler.
package stats

import (
	"io"
	"net/http"
)

// Pull is called only from a command's action, once per pod it was given, in goroutines
// that the action waits for.
func Pull(addr string) (string, error) {
	return statsRequest(addr, "stats")
}

func statsRequest(addr, path string) (string, error) {
	req, err := http.NewRequest(http.MethodGet, "http://"+addr+"/"+path, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Healthy is called from a command and from every request of the API server.
func Healthy(addr string) (bool, error) {
	resp, err := http.Get("http://" + addr + "/healthz") // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// Ping runs only in podctl's ping command.
func Ping(addr string) error {
	resp, err := http.Get("http://" + addr + "/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Status runs for every request to the program's /status route.
func Status(addr string) error {
	resp, err := http.Get("http://" + addr + "/status") // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Export runs only in podctl's export command, built by package command.
func Export(addr string) error {
	resp, err := http.Get("http://" + addr + "/export")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
