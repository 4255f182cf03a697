package bodies

import (
	"context"
	"encoding/json"
	"errors"
	"io"
)

// This file does not import net/http: what it calls does the requests.

func (c *Client) remove(path string) error {
	_, err := c.Delete(path) // want GL008 "response from c.Delete discarded with `_`, so its Body can never be closed"
	return err
}

func (c *Client) removeClosed(path string) error {
	resp, err := c.Delete(path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) exitCode(path string) (int, error) {
	code := -1
	stream, _, err := c.call("GET", path) // want GL008 "response body `stream` from c.call is decoded or read but never closed, which net/http asks for: defer stream.Close\(\) after the error check"
	if err != nil {
		return code, err
	}
	if err := json.NewDecoder(stream).Decode(&code); err != nil {
		return code, err
	}
	return code, nil
}

func (c *Client) login(path string) (bool, error) {
	stream, status, err := c.call("POST", path) // want GL008 "response body `stream` from c.call is closed on the happy path but not when the function returns at line 43"
	if err != nil {
		return false, err
	}
	if status == 202 {
		return true, nil
	}
	defer stream.Close()
	var ok bool
	err = json.NewDecoder(stream).Decode(&ok)
	return ok, err
}

func (c *Client) streamed(path string) (map[string]string, error) {
	body, err := c.stream(path) // want GL008 "response body `body` from c.stream is decoded or read but never closed"
	if err != nil {
		return nil, err
	}
	var out map[string]string
	return out, json.NewDecoder(body).Decode(&out)
}

func (c *Client) streamedClosed(path string) (map[string]string, error) {
	body, err := c.stream(path)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	var out map[string]string
	return out, json.NewDecoder(body).Decode(&out)
}

func (c *Client) fromBuffer(path string) (map[string]string, error) {
	body, err := c.buffered(path)
	if err != nil {
		return nil, err
	}
	var out map[string]string
	return out, json.NewDecoder(body).Decode(&out)
}

func (c *Client) status(ctx context.Context, path string) (string, error) {
	res, err := c.get(ctx, c.base+path) // want GL008 "`res.Body` from c.get is decoded or read but never closed, which net/http asks for: defer res.Body.Close\(\) after the error check"
	if err != nil {
		return "", err
	}
	var out struct{ Status string }
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return "", err
	}
	return out.Status, nil
}

func (c *Client) statusClosed(ctx context.Context, path string) (string, error) {
	res, err := c.get(ctx, c.base+path)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		return "", errors.New(res.Status)
	}
	return res.Status, nil
}

func (c *Client) exists(path string) bool {
	res, err := c.head(c.base + path) // want GL008 "`res.Body` from c.head is never closed"
	return err == nil && res.StatusCode == 200
}

func (c *Client) page(ctx context.Context, path string) (string, error) {
	resp, err := c.pages.Fetch(ctx, c.base+path) // want GL008 "`resp.Body` from c.pages.Fetch is closed on the happy path but not when the function returns at line 114"
	if err != nil {
		return "", err
	}
	if resp.StatusCode != 200 {
		return "", errors.New(resp.Status)
	}
	defer resp.Body.Close()
	var out struct{ Title string }
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Title, err
}

func (c *Client) pageClosed(ctx context.Context, path string) (string, error) {
	resp, err := c.pages.Fetch(ctx, c.base+path)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return "", errors.New(resp.Status)
	}
	return resp.Status, nil
}

func (c *Client) alive(path string) bool {
	resp, err := c.checked(path)
	return err == nil && resp.StatusCode == 200
}

// Read to EOF (or to an error, after which the transport closes the connection): the
// connection is free, only net/http's contract is left.
func (c *Client) raw(path string) ([]byte, error) {
	stream, _, err := c.call("GET", path) // want GL008 "^response body `stream` from c.call is read until EOF or an error but never closed, which net/http asks for: defer stream.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(stream)
}
