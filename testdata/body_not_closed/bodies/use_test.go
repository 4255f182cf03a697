package bodies

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Tests swap the function fields for fakes that build their responses.
func TestStatusOfFake(t *testing.T) {
	c := &Client{get: func(ctx context.Context, url string) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(`{"Status":"ok"}`))}, nil
	}}
	res, err := c.get(context.Background(), "/x")
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 {
		t.Fatal(res.Status)
	}
}
