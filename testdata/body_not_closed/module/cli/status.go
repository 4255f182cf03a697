// Package cli holds the fleet command's subcommands.
package cli

import (
	"github.com/spf13/cobra"

	"example.com/fleet/api"
)

func StatusCommand(c *api.Client) *cobra.Command {
	return &cobra.Command{
		Use: "status",
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := c.State(); err != nil {
				return err
			}
			return c.Health()
		},
	}
}

func VersionCommand(c *api.Client) *cobra.Command {
	return &cobra.Command{
		Use: "version",
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := c.Version()
			return err
		},
	}
}
