// Package runner does what the notes command was asked, once per run (a watch of the
// mirror holds it, as a daemon does).
package runner

import (
	"time"

	"example.com/notes/notes"
)

type Runner struct{ Versions []string }

func (r *Runner) Run() {
	_ = notes.Added(r.Versions...)
	_ = notes.Mirrored(r.Versions)
	notes.Watched("https://example.com/mirror", func(error) {})
	for {
		_ = notes.Latest()
		time.Sleep(time.Minute)
	}
}
