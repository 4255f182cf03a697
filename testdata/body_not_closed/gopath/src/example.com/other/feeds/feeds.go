// Package feeds uses a watch package of another repository, whose source GOPATH may
// hold but which is not this repository's: it is not read.
package feeds

import (
	"errors"
	"net/http"

	"example.com/team/op/watch"
)

func poll(c *http.Client, url string) error {
	resp, err := watch.Open(c, url)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}
