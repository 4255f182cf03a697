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

// Plugin values are made by code the package does not show, and closed: a value
// meant to end before the process.
type Plugin struct{ events chan string }

func (p *Plugin) Close() { closedPlugins++ }

func NewPlugin() *Plugin {
	p := &Plugin{events: make(chan string)}
	p.listen()
	return p
}

var closedPlugins int
