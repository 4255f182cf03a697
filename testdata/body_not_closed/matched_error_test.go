package fixtures

import (
	"io"
	"net/http"
	"testing"
)

// A table test's `if (err != nil) != wantErr { t.Errorf(...); return }` then `if
// wantErr { return }`: the second return runs only where the request failed, and the
// first only where the test fails.

type getCase struct {
	client  *http.Client
	wantErr map[string]bool
}

func TestMatchedError(t *testing.T) {
	var cases []getCase
	for _, tc := range cases {
		for path, wantErr := range tc.wantErr {
			t.Run(path, func(t *testing.T) {
				resp, err := tc.client.Get(path)
				if (err != nil) != wantErr {
					t.Errorf("Get() error = %v", err)
					return
				}
				if wantErr {
					return
				}
				defer resp.Body.Close()
				if _, err := io.ReadAll(resp.Body); err != nil {
					t.Errorf("ReadAll() error = %v", err)
				}
			})
		}
	}
}
