// Package actions holds the subcommands of an admin tool built on CLI frameworks: each
// action runs once per run of the tool, which exits after it.
package actions

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/urfave/cli/v2"
	kingpin "gopkg.in/alecthomas/kingpin.v2"
)

// An urfave/cli action: an error status leaves the body open until the tool exits.
func pushSettings(c *cli.Context) error {
	resp, err := http.Post(c.String("url"), "application/json", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// A cobra action as a literal, and a helper only actions call (see status.go).
var restartCmd = &cobra.Command{
	Use: "restart",
	RunE: func(cmd *cobra.Command, args []string) error {
		_, err := http.Post(args[0]+"/restart", "text/plain", nil)
		if err != nil {
			return err
		}
		return checkStatus(args[0])
	},
}

// A kingpin action.
func ping(c *kingpin.ParseContext) error {
	resp, err := http.Get("http://localhost:8384/ping")
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// Per iteration of an action's loop: the bodies pile up while it runs.
func pingAll(c *cli.Context) error {
	for _, host := range c.StringSlice("host") {
		resp, err := http.Get(host) // want GL008 "but not when the loop continues"
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			continue
		}
		resp.Body.Close()
	}
	return nil
}

// Exported: other packages may call it as often as they like.
func Probe(url string) error {
	resp, err := http.Get(url) // want GL008 "but not when the function returns"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// A `wait` action polls a local endpoint once a second until it answers or time runs
// out, then the tool exits: a bounded number of tries, whose bodies end with it.
func waitReady(cmd *cobra.Command, _ []string) error {
	deadline := time.After(30 * time.Second)
	for {
		select {
		case <-deadline:
			return errors.New("not ready")
		default:
			resp, err := http.Get("http://127.0.0.1:9090/ready") // want GL008:low "not closed when it breaks out"
			if err != nil || resp.StatusCode != http.StatusOK {
				time.Sleep(time.Second)
				break
			}
			return nil
		}
	}
}

// The same poll under a context's deadline, counted the same way.
func waitContext(cmd *cobra.Command, _ []string) error {
	ctx, cancel := context.WithTimeout(cmd.Context(), time.Minute)
	defer cancel()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
		resp, err := http.Get("http://127.0.0.1:9090/ready") // want GL008:low "never closed"
		if err == nil && resp.StatusCode == http.StatusOK {
			return nil
		}
	}
}

// Without a deadline the action polls for as long as the endpoint fails: shown.
func waitForever(cmd *cobra.Command, _ []string) error {
	for {
		resp, err := http.Get("http://127.0.0.1:9090/ready") // want GL008 "never closed"
		if err == nil && resp.StatusCode == http.StatusOK {
			return nil
		}
		time.Sleep(time.Second)
	}
}

// A deadline made in the loop is made again each turn: no bound.
func waitRearmed(cmd *cobra.Command, _ []string) error {
	for {
		deadline := time.After(time.Minute)
		select {
		case <-deadline:
			return errors.New("not ready")
		default:
		}
		resp, err := http.Get("http://127.0.0.1:9090/ready") // want GL008 "never closed"
		if err == nil && resp.StatusCode == http.StatusOK {
			return nil
		}
		time.Sleep(time.Second)
	}
}
