package app

import (
	"context"
	"net/http"

	"example.com/meta"
)

// An application's own context may have no deadline: reported.
func Task(ctx context.Context) (*meta.Task, error) {
	return meta.GetTask(ctx, &http.Client{}) // want GL006 "http.Client without Timeout"
}

// Run is the application's loop over its tasks.
func Run(ctx context.Context) error {
	_, err := Task(ctx)
	return err
}
