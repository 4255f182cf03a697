package fixtures

import (
	"io"
	"net/http"
	"time"

	"example.com/fastcgi"
	"example.com/webclient"
)

// A client that another package dials over its own connection, closed whole by the
// function: the response holds nothing once the client is closed.
func statusOverFastCGI(addr string, env map[string]string) ([]byte, error) {
	client, err := fastcgi.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return nil, err
	}
	defer client.Close()
	resp, err := client.Get(env)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Another package's client that the function never closes: its response is taken for
// net/http's, whose body must be closed.
func statusOverWebClient(u string) ([]byte, error) {
	client := webclient.New(time.Second)
	resp, err := client.Get(u) // want GL008 "^`resp.Body` from client.Get is read until EOF or an error but never closed, which net/http asks for: defer resp.Body.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// net/http's own client: its responses hold connections of its pool.
func statusOverHTTP(u string) (int, error) {
	client := &http.Client{}
	resp, err := client.Get(u) // want GL008 "`resp.Body` from client.Get is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
