package wrapped

import (
	"context"
	"net/http"
	"time"

	"example.com/engine/client"
)

// One call passes a context without a deadline: that request waits as long as the
// server lets it.
type Streamer struct {
	cli     *client.Client
	timeout time.Duration
}

func (s *Streamer) Init() error {
	c, err := client.New(client.WithHTTPClient(&http.Client{})) // want GL006 "http.Client without Timeout"
	if err != nil {
		return err
	}
	s.cli = c
	return nil
}

func (s *Streamer) List() ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), s.timeout)
	defer cancel()
	return s.cli.List(ctx)
}

func (s *Streamer) Follow(ctx context.Context, id string) error {
	return s.cli.Follow(ctx, id)
}
