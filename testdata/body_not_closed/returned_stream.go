package fixtures

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

// Hands the event stream to its caller inside a reader: the caller reads it as long
// as its context lasts.
func eventStream(ctx context.Context, c *http.Client, u string) (*bufio.Reader, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return bufio.NewReader(resp.Body), nil
}

// Hands a decoder of the stream to its caller.
func decoderOf(c *http.Client, u string) (*json.Decoder, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return (json.NewDecoder(resp.Body)), nil
}

// Reads the first line through a reader it keeps: the body stays open.
func firstLine(c *http.Client, u string) (string, error) {
	resp, err := c.Get(u) // want GL008
	if err != nil {
		return "", err
	}
	r := bufio.NewReader(resp.Body)
	return r.ReadString('\n')
}
