// Package cliaction holds a tool's subcommands.
package cliaction

import (
	"errors"
	"time"

	"github.com/urfave/cli"
)

// An urfave/cli action that gives up on the server after a timeout: the fetching
// goroutine stays blocked until the tool exits, once per run.
func login(c *cli.Context) error {
	token := make(chan string)
	go func() {
		token <- fetchToken(c.String("server"))
	}()
	select {
	case <-token:
		return nil
	case <-time.After(c.Duration("timeout")):
		return errors.New("no answer")
	}
}

// The same in a function that other code can call again and again.
func Login(server string, timeout time.Duration) error {
	token := make(chan string)
	go func() {
		token <- fetchToken(server) // want GL003 "send on unbuffered `token` blocks forever"
	}()
	select {
	case <-token:
		return nil
	case <-time.After(timeout):
		return errors.New("no answer")
	}
}

func fetchToken(server string) string { return server }

var _ = login
