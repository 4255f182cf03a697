package fixtures

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
)

// statusError describes a response with an unexpected status; nobody closes a body through it.
type statusError struct {
	response *http.Response
}

func (e *statusError) Error() string {
	return fmt.Sprintf("unexpected status %d", e.response.StatusCode)
}

func checkCode(resp *http.Response, want int) error {
	if resp.StatusCode == want {
		return nil
	}
	return &statusError{response: resp}
}

func createUpload(ctx context.Context, c *http.Client, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req) // want GL008 "`resp.Body` from c.Do is never closed: defer resp.Body.Close\(\) after the error check"
	if err != nil {
		return "", err
	}
	if err := checkCode(resp, http.StatusCreated); err != nil {
		return "", err
	}
	return resp.Header.Get("Location"), nil
}

func createUploadClosed(ctx context.Context, c *http.Client, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if err := checkCode(resp, http.StatusCreated); err != nil {
		return "", err
	}
	return resp.Header.Get("Location"), nil
}

// A HEAD response has no body (http.NoBody), also when a helper of the file makes the request.
func newHeadRequest(ctx context.Context, u string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, "HEAD", u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Tus-Resumable", "1.0.0")
	return req, nil
}

func uploadOffset(ctx context.Context, c *http.Client, u string) (int64, error) {
	req, err := newHeadRequest(ctx, u)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	if err := checkCode(resp, http.StatusOK); err != nil {
		return 0, err
	}
	return strconv.ParseInt(resp.Header.Get("Upload-Offset"), 10, 64)
}
