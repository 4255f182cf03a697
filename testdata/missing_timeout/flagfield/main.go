package proxy

import (
	"flag"
	"io"
)

type Arguments struct {
	Bind       string
	PublicBind string
	Port       int
}

// The flags, parsed in one file into a struct of the package.
func NewArguments(args []string) (cmdArgs Arguments, err error) {
	fs := flag.NewFlagSet("proxy", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cmdArgs.Bind, "bind", "127.0.0.1", "")
	fs.StringVar(&cmdArgs.PublicBind, "public-bind", "0.0.0.0", "")
	fs.IntVar(&cmdArgs.Port, "port", 7331, "")
	err = fs.Parse(args)
	return cmdArgs, err
}
