package upload

import (
	"context"
	"io"
	"net/http"

	"example.com/meta"
)

// One request on the spot, made with the caller's context: the context bounds it.
func Put(ctx context.Context, url string, body io.Reader) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, body)
	if err != nil {
		return err
	}
	resp, err := (&http.Client{}).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same without a context: nothing bounds it.
func PutBare(url string, body io.Reader) error {
	req, err := http.NewRequest(http.MethodPut, url, body)
	if err != nil {
		return err
	}
	resp, err := (&http.Client{}).Do(req) // want GL006 "http.Client without Timeout"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Handed to a library function beside the caller's context, which its requests take.
func Task(ctx context.Context) (*meta.Task, error) {
	return meta.GetTask(ctx, &http.Client{})
}

// Handed to a library without a context: the library's requests have no bound.
func Fetcher() *meta.Fetcher {
	return meta.NewFetcher(&http.Client{}) // want GL006 "http.Client without Timeout"
}

// Kept in a context for requests made later: not the call's own.
func WithClient(ctx context.Context) context.Context {
	return context.WithValue(ctx, meta.HTTPClient, &http.Client{}) // want GL006 "http.Client without Timeout"
}

// A context made on the spot, not the caller's: reported.
func Background() (*meta.Task, error) {
	return meta.GetTask(context.Background(), &http.Client{}) // want GL006 "http.Client without Timeout"
}
