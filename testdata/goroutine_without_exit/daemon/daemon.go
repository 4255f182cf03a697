package daemon

import "os"

// Daemon is made once per process: its constructor changes the process's environment.
type Daemon struct{ root string }

func NewDaemon(root string) *Daemon {
	os.Setenv("TMPDIR", root)
	d := &Daemon{root: root}
	d.watchDumps()
	return d
}

// Plugin values are made per call, by code the package does not show.
type Plugin struct{ events chan string }

func NewPlugin() *Plugin {
	p := &Plugin{events: make(chan string)}
	p.listen()
	return p
}
