package fixtures

// A //nolint naming a peer linter that reports the same problem (bodyclose) is the
// author's decision about this finding too; another linter's decides nothing.

import "net/http"

func reviewedBody(url string) (int, error) {
	resp, err := http.Get(url) //nolint:bodyclose,noctx // the caller's test server closes it
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func otherLinter(url string) (int, error) {
	resp, err := http.Get(url) //nolint:errcheck,noctx // want GL008 "resp"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
