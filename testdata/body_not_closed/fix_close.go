package fixes

import (
	"fmt"
	"net/http"
)

func status(url string) error {
	resp, err := http.Get(url) // want GL008
	if err != nil {
		return fmt.Errorf("get %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	resp.Body.Close()
	return nil
}

func nested(client *http.Client, reqs []*http.Request) error {
	if len(reqs) > 0 {
		resp, err := client.Do(reqs[0]) // want GL008
		if err != nil {
			panic(err)
		}
		fmt.Println(resp.Status)
	}
	return nil
}

// No fix: without an error check the response may be nil, and the defer would panic.
func unchecked(client *http.Client, req *http.Request) int {
	resp, _ := client.Do(req) // want GL008
	return resp.StatusCode
}
