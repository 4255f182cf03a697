package fixtures

import (
	"encoding/json"
	"io"
	"net/http"
)

// A defer in a loop runs only when the function returns: each response stays open until then.
func fetchAll(c *http.Client, urls []string) ([]map[string]string, error) {
	var out []map[string]string
	for _, u := range urls {
		resp, err := c.Get(u) // want GL008 "`resp.Body` is closed by the defer at line 17 only when the function returns, so each iteration's decoded response stays open until then; close it in the loop"
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		var v map[string]string
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Read to its end before the iteration goes on: the transport has the connection back.
func sizes(c *http.Client, urls []string) ([]int, error) {
	var out []int
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		out = append(out, len(data))
	}
	return out, nil
}

// Each iteration returns once it has a response: no iteration follows it.
func firstAnswer(c *http.Client, urls []string) (int, error) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		return resp.StatusCode, nil
	}
	return 0, io.EOF
}

// Only the status is read: each iteration goes on with its body unread.
func statuses(c *http.Client, urls []string) ([]int, error) {
	var out []int
	for _, u := range urls {
		resp, err := c.Get(u) // want GL008 "holds its connection until then"
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		out = append(out, resp.StatusCode)
	}
	return out, nil
}
