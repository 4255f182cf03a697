package command

import (
	"fmt"
	"os"
)

// exitWithError ends the command: the functions calling it are a command's run,
// which happens once per process.
func exitWithError(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
