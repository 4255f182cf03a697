package fixtures

import (
	"context"
	"io"
	"net/http"
	"time"
)

// `nil != err` is the same test as `err != nil`: its branch right after Do has no
// response to close, and the deferred Close covers every path that has one.
var yodaClient = &http.Client{Timeout: time.Minute}

func fetchYoda(url string) (n int, err error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if nil != err {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req = req.WithContext(ctx)
	resp, err := yodaClient.Do(req)
	if nil != err {
		return
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if nil != err {
		return
	}
	return len(b), nil
}

// The same test, but a bad status returns before the body is ever closed.
func fetchYodaStatus(url string) (n int, err error) {
	resp, err := yodaClient.Get(url) // want GL008 "not when the function returns at line 41"
	if nil != err {
		return
	}
	if http.StatusOK != resp.StatusCode {
		return
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return len(b), err
}
