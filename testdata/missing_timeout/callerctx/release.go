package callerctx

import (
	"context"
	"net/http"
	"time"

	"example.com/ctxdo"
)

// latest fetches release metadata through the file's sibling's client with a deadline.
func latest(ctx context.Context, url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return ctxdo.Do(ctx, assetClient, req)
}
