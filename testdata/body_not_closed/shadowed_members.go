package fixtures

import (
	"fmt"
	"net/http"

	"example.com/kv"
)

// s.Get is a key-value store's Get: nothing says it is an HTTP request. The `resp`
// whose StatusCode is read is the function literal's own parameter, not the result.
func storeLookup(s *kv.Store, key string) error {
	resp, err := s.Get(key)
	if err != nil {
		return err
	}
	healthy := func(resp *http.Response) bool { return resp.StatusCode == http.StatusOK }
	fmt.Println(resp, healthy)
	return nil
}
