// Package command builds podctl's cobra commands from its runners.
package command

import "github.com/spf13/cobra"

// Runner is a command's work.
type Runner func(args []string) error

// New builds a command whose action runs fn.
func New(use string, fn Runner) *cobra.Command {
	return &cobra.Command{Use: use, RunE: newRunE(fn)}
}

func newRunE(fn Runner) func(*cobra.Command, []string) error {
	if fn == nil {
		return nil
	}
	return func(cmd *cobra.Command, args []string) error {
		return fn(args)
	}
}
