package actions

import (
	"errors"
	"net/http"
	"time"
)

// Called only by an action (commands.go), once per run.
func checkStatus(base string) error {
	resp, err := http.Get(base + "/status")
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// Called in a loop: each call can leave a body open.
func health(base string) error {
	resp, err := http.Get(base + "/health") // want GL008 "but not when the function returns"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

func Watch(base string) {
	for {
		if health(base) != nil {
			time.Sleep(time.Second)
		}
	}
}

// A parameter named like an action's but of another package's type.
type Context struct{ URL string }

func fetch(c *Context) error {
	resp, err := http.Get(c.URL) // want GL008 "but not when the function returns"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

var _ = fetch
