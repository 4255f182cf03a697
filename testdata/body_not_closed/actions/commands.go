// Package actions holds the subcommands of an admin tool built on CLI frameworks: each
// action runs once per run of the tool, which exits after it.
package actions

import (
	"errors"
	"net/http"
	"strings"

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
