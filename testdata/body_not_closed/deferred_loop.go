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

// Alternatives tried in turn: an iteration that gets to its end returns, a failed one
// goes on to the next. The bodies the defer keeps are one per failed alternative,
// closed as the function returns right after the loop.
func firstGoodMirror(c *http.Client, mirrors []string) ([]byte, error) {
	for _, m := range mirrors {
		resp, err := c.Get(m)
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			continue
		}
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			continue
		}
		return data, nil
	}
	return nil, io.EOF
}

func firstOfAttempts(c *http.Client, url string) (int, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Get(url)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 500 {
			continue
		}
		return resp.StatusCode, nil
	}
	return 0, io.EOF
}

// Retried until it works, with no bound on the tries: each failed one keeps its
// connection, as many as the server fails.
func untilItWorks(c *http.Client, url string) int {
	for {
		resp, err := c.Get(url) // want GL008 "holds its connection; close it in the loop"
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			continue
		}
		return resp.StatusCode
	}
}

// A loop over alternatives inside an endless one: the function never returns to close them.
func watchMirrors(c *http.Client, mirrors []string, seen chan<- int) {
	for {
		for _, m := range mirrors {
			resp, err := c.Get(m) // want GL008 "holds its connection; close it in the loop"
			if err != nil {
				continue
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				continue
			}
			seen <- resp.StatusCode
			return
		}
	}
}

// The loop body does not end in a return: every iteration goes on.
func everyMirror(c *http.Client, mirrors []string) int {
	ok := 0
	for _, m := range mirrors {
		resp, err := c.Get(m) // want GL008 "holds its connection; close it in the loop"
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			ok++
		}
	}
	return ok
}

// A search over candidates that returns at the first that works, right before the
// function returns: one body per candidate tried, as many as the list holds.
func firstIcon(c *http.Client, candidates []string) ([]byte, error) {
	for _, u := range candidates {
		resp, err := c.Get(u) // want GL008:low "holds its connection"
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			continue
		}
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			continue
		}
		if len(data) > 4 && string(data[:4]) == "\x89PNG" {
			return data, nil
		}
	}
	return nil, nil
}

// Returns only on the request's error: every other iteration goes on, keeping its body.
func sizes(c *http.Client, urls []string) (n int64, err error) {
	for _, u := range urls {
		resp, err := c.Get(u) // want GL008 "holds its connection"
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		n += resp.ContentLength
	}
	return n, nil
}

// The search goes on after the loop: the bodies stay open while the function works on.
func firstIconThenMore(c *http.Client, candidates []string) int {
	found := 0
	for _, u := range candidates {
		resp, err := c.Get(u) // want GL008 "holds its connection"
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			found++
			break
		}
	}
	for found < 10 {
		found++
	}
	return found
}
