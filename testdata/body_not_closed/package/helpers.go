package service

import (
	"errors"
	"log"
	"net/http"
)

func logResponse(resp *http.Response) {
	log.Printf("%s: %d", resp.Request.URL, resp.StatusCode)
}

func finish(resp *http.Response) error {
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}
