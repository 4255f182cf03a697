package fixtures

import (
	"errors"
	"net/http"
	"strconv"
	"time"
)

const hookTries = 3

type hook struct {
	client  *http.Client
	tries   int
	backoff time.Duration
}

// A retry: a counted number of tries with a wait between them, ending at the first
// answer it accepts. The bodies of the tries that came back with 503 stay open until the
// function returns: at most tries-1 of them, for a few seconds (low).
func (h *hook) call(req *http.Request) (int, error) {
	for i := range h.tries {
		rsp, err := h.client.Do(req) // want GL008:low "only when the function returns"
		if err != nil {
			time.Sleep(h.backoff)
			continue
		}
		defer rsp.Body.Close()
		if rsp.StatusCode != http.StatusServiceUnavailable || i == h.tries-1 {
			return rsp.StatusCode, nil
		}
	}
	return 0, errors.New("hook failed")
}

// The same with a constant count and a timer between the tries.
func callConstant(c *http.Client, url string) (int, error) {
	for i := 0; i < hookTries; i++ {
		rsp, err := c.Get(url) // want GL008:low "only when the function returns"
		if err != nil {
			return 0, err
		}
		defer rsp.Body.Close()
		if rsp.StatusCode == http.StatusOK {
			return rsp.StatusCode, nil
		}
		<-time.After(time.Second)
	}
	return 0, errors.New("no answer")
}

// Pages fetched one after another up to a count the caller gives, with a pause between
// them and no early exit: every page's body stays open until the function returns.
func pages(c *http.Client, url string, count int) int {
	total := 0
	for i := 0; i < count; i++ {
		rsp, err := c.Get(url + "?page=" + strconv.Itoa(i)) // want GL008 "only when the function returns"
		if err != nil {
			continue
		}
		defer rsp.Body.Close()
		total += rsp.StatusCode
		time.Sleep(time.Second)
	}
	return total
}

// A counted loop that returns early but never waits: a scan over indexes, not a retry.
func firstFound(c *http.Client, url string, count int) int {
	for i := 0; i < count; i++ {
		rsp, err := c.Get(url + "?id=" + strconv.Itoa(i)) // want GL008 "only when the function returns"
		if err != nil {
			continue
		}
		defer rsp.Body.Close()
		if rsp.StatusCode == http.StatusOK {
			return i
		}
	}
	return -1
}
