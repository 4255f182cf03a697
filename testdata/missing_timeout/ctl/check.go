// Package ctl holds the subcommands of a control tool (cobra actions), in a folder that
// is not under cmd and in a package that is not main.
package ctl

import (
	"fmt"

	"github.com/spf13/cobra"
)

// A cobra action: it runs once per run of the tool.
func memoryCheck(cmd *cobra.Command, args []string) {
	before := residentMemory(args[0])
	after := residentMemory(args[0])
	fmt.Println(after - before)
}

var _ = memoryCheck
