// Package wrapped hands its HTTP client to a client library and makes its requests
// through the library's client.
package wrapped

import (
	"context"
	"net/http"
	"time"

	"example.com/engine/client"
)

// Every call on the library's client gets a context with a deadline: each request the
// library makes with the HTTP client is bounded.
type Lister struct {
	cli     *client.Client
	timeout time.Duration
}

func (l *Lister) Init() error {
	c, err := client.New(client.WithHTTPClient(&http.Client{}))
	if err != nil {
		return err
	}
	l.cli = c
	return nil
}

func (l *Lister) List() ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), l.timeout)
	defer cancel()
	return l.cli.List(ctx)
}

func (l *Lister) Inspect(id string) (string, error) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(l.timeout))
	defer cancel()
	return l.cli.Inspect(ctx, id)
}
