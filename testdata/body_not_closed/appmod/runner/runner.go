// Package runner does what the notes command was asked, once per run.
package runner

import (
	"time"

	"example.com/notes/notes"
)

type Runner struct{ Versions []string }

func (r *Runner) Run() {
	_ = notes.Added(r.Versions...)
	for {
		_ = notes.Latest()
		time.Sleep(time.Minute)
	}
}
