package main

import (
	"net/http"
	"os"

	"github.com/spf13/cobra"

	"example.com/cmdpaths/internal/command"
	"example.com/cmdpaths/internal/stats"
)

// runner is the program's own type of a command's work, which addCommand wraps in a
// cobra action.
type runner func(args []string) error

func addCommand(parent *cobra.Command, run runner, use string) *cobra.Command {
	c := &cobra.Command{Use: use}
	c.Run = func(cmd *cobra.Command, args []string) {
		if err := run(args); err != nil {
			os.Exit(1)
		}
	}
	parent.AddCommand(c)
	return c
}

func addNamed(parent *cobra.Command, run runner, use string) *cobra.Command {
	return addCommand(parent, run, use)
}

// addRoute runs its runner for every request to the path: not a command.
func addRoute(mux *http.ServeMux, path string, run runner) {
	mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		if err := run(nil); err != nil {
			w.WriteHeader(http.StatusBadGateway)
		}
	})
}

func register(root *cobra.Command, mux *http.ServeMux) {
	addNamed(root, runPing, "ping")
	root.AddCommand(command.New("export", runExport))
	addRoute(mux, "/status", runStatus)
}

// Run only by the ping command's action.
func runPing(args []string) error {
	return stats.Ping(args[0])
}

// Run for every request to /status.
func runStatus(args []string) error {
	return stats.Status("localhost:8080")
}

// Run only by the export command's action, which package command builds.
func runExport(args []string) error {
	return stats.Export(args[0])
}
