// Package api is the fleet server's client.
package api

import (
	"context"
	"errors"
	"io"
	"net/http"
)

type Client struct {
	HTTP *http.Client
	Base string
	Raw  RawClient
}

// State is called only by the `status` command's action (package cli): one response
// per run of the command, which then exits. Silent.
func (c *Client) State() (int, error) {
	resp, err := c.HTTP.Get(c.Base + "/status")
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Health is called by the command and by the monitor's loop: reported.
func (c *Client) Health() error {
	resp, err := c.HTTP.Get(c.Base + "/health") // want GL008
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// Version is called only by the `version` command's action (package cli); the calls of
// the generated client's Version, whose parameters differ, are not calls of it. Silent.
func (c *Client) Version() (string, error) {
	resp, err := c.Raw.Version(context.Background())
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", errors.New(resp.Status)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
