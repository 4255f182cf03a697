// Command override asks a running daemon to override one folder and exits.
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	if err := override(os.Args[1], os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// The body stays open only where the program returns from the loop: once per run.
func override(id string, folders []string) error {
	for _, folder := range folders {
		if folder != id {
			continue
		}
		resp, err := http.Post("http://localhost:8384/override?folder="+folder, "", nil)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("override: %s", resp.Status)
		}
		return resp.Body.Close()
	}
	return fmt.Errorf("no folder %s", id)
}

// Open per iteration: a long list runs out of connections before the program ends.
func scanAll(urls []string) {
	for _, url := range urls {
		resp, err := http.Get(url) // want GL008 "but not when the loop continues"
		if err != nil {
			continue
		}
		if resp.StatusCode != http.StatusOK {
			continue
		}
		resp.Body.Close()
	}
}

var _ = scanAll
