// Package ctlmethod holds the subcommands of a control tool whose actions are methods of
// the command's own type (fisk, kingpin's fork), in a package that is not main.
package ctlmethod

import (
	"io"
	"net/http"

	other "example.com/cli"
	"github.com/choria-io/fisk"
)

type generateCmd struct {
	source string
	hosts  []string
}

func configure(app *fisk.Application) {
	c := &generateCmd{}
	app.Command("generate", "Generate a configuration").Action(c.generate)
	app.Command("watch", "Watch the hosts").Action(c.watch)
}

// An action: the framework runs it once per run of the tool.
func (c *generateCmd) generate(_ *fisk.ParseContext) error {
	_, err := fetchBundle(c.source)
	return err
}

// Called only by the action above, once per run: its user sees a stall.
func fetchBundle(source string) ([]byte, error) {
	resp, err := http.Get(source)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Not an action: another package's ParseContext.
func (c *generateCmd) watch(_ *other.ParseContext) error {
	for _, host := range c.hosts {
		poll(host)
	}
	return nil
}

// Called from a method that is no action: it may run any number of times.
func poll(host string) string {
	resp, err := http.Get(host + "/status") // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
