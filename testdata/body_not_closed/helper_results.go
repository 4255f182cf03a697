package fixtures

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// A helper that hands back the response with more than an error: the caller closes it.
func fetchIndexed(url string) (*http.Response, int64, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, 0, err
	}
	index, _ := strconv.ParseInt(resp.Header.Get("X-Index"), 10, 64)
	return resp, index, nil
}

var watched []string

// A long poll whose defer sits in the endless loop: no response is ever closed.
func watchForever(url string) {
	var index int64
	for {
		resp, next, err := fetchIndexed(url + "?index=" + strconv.FormatInt(index, 10)) // want GL008 "`resp.Body` is closed by the defer at line 33 only when the function returns, so each iteration's decoded response stays open until then; close it in the loop"
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		index = next
		defer resp.Body.Close()
		json.NewDecoder(resp.Body).Decode(&watched)
	}
}

// Left open on the status return.
func indexOf(url string) (int64, error) {
	resp, index, err := fetchIndexed(url) // want GL008 "`resp.Body` from fetchIndexed is closed on the happy path but not when the function returns at line 45: defer resp.Body.Close\(\) after the error check"
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, nil
	}
	resp.Body.Close()
	return index, nil
}

// Closed in each iteration: nothing piles up.
func watchClosing(url string) {
	for {
		resp, _, err := fetchIndexed(url)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		json.NewDecoder(resp.Body).Decode(&watched)
		resp.Body.Close()
	}
}

// Closed by a defer right after the error check.
func indexClosing(url string) (int64, error) {
	resp, index, err := fetchIndexed(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, nil
	}
	return index, nil
}

// A client that reads the body itself and hands back its bytes with the response.
type bytesClient interface {
	Do(ctx context.Context, req *http.Request) (*http.Response, []byte, error)
}

// The body came back read and closed: only its bytes are used.
func status(ctx context.Context, c bytesClient, req *http.Request) (int, []byte, error) {
	resp, body, err := c.Do(ctx, req)
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, body, nil
}
