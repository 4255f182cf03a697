// Command relayd serves until it is signalled; its subcommands are kong commands.
package main

import (
	"errors"
	"net/http"
	"os"
	"os/signal"

	"github.com/alecthomas/kong"
)

type cli struct {
	Serve   serveCmd   `cmd:"" help:"Run the relay"`
	Upgrade upgradeCmd `cmd:"" help:"Ask the running relay to upgrade"`
}

type serveCmd struct{ Addr string }

type upgradeCmd struct{ URL string }

func main() {
	var c cli
	ctx := kong.Parse(&c)
	_ = ctx.Run()
}

// The serve command: runs for the life of the process.
func (s serveCmd) Run() error {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, os.Interrupt)
	<-quit
	return nil
}

// The upgrade command posts once and exits.
func (u upgradeCmd) Run() error {
	return notify(u.URL)
}

// Called only by a kong command's Run, once per run.
func notify(url string) error {
	resp, err := http.Post(url+"/upgrade", "text/plain", nil)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// A Run method of a type no command field has: the relay calls it per peer.
type peer struct{ URL string }

func (p peer) Run() error {
	resp, err := http.Get(p.URL) // want GL008 "but not when the function returns"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

var _ = peer.Run
