package main

import (
	"net/http"
	"strings"
)

func join(pool string) {
	client := &http.Client{} // want GL006 "http.Client without Timeout"
	resp, err := client.Post(pool, "application/json", strings.NewReader("{}"))
	if err == nil {
		resp.Body.Close()
	}
}
