package fixtures

import (
	"fmt"
	"io"
	"net/http"
	"testing"
)

// As fetchProfile (helper_errors_test.go): every call of the helper ends its test on
// an error. The call that goes on after its error is of a local function value of the
// same name (a closure parameter), another function: silent.
func fetchIndex(url string) ([]byte, error) {
	r, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if r.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %q: %v", url, r.Status)
	}
	b, err := io.ReadAll(r.Body)
	r.Body.Close()
	return b, err
}

func TestIndex(t *testing.T) {
	if _, err := fetchIndex(testURL + "index"); err != nil {
		t.Fatal(err)
	}
	retry := func(fetchIndex func(string) ([]byte, error)) {
		if _, err := fetchIndex(testURL + "index"); err != nil {
			t.Log(err)
		}
	}
	retry(func(string) ([]byte, error) { return nil, nil })
}
