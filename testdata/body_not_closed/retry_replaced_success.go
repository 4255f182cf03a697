package fixtures

import (
	"fmt"
	"net/http"
)

type poolClient struct {
	hosts  []string
	client *http.Client
}

// Here the error is replaced where Do succeeded: the response of a host that answered
// 5xx stays open when the loop goes on to the next host.
func (c *poolClient) tryHosts(build func(string) (*http.Request, error)) (*http.Response, error) {
	var (
		req *http.Request
		rsp *http.Response
		err error
	)
	for _, host := range c.hosts {
		req, err = build(host)
		if err != nil {
			return nil, err
		}
		rsp, err = c.client.Do(req) // want GL008
		if err == nil && rsp.StatusCode >= 500 {
			err = fmt.Errorf("host %s: status %d", host, rsp.StatusCode)
		}
		if err == nil {
			return rsp, nil
		}
	}
	return nil, err
}

func (c *poolClient) status(path string) (int, error) {
	rsp, err := c.tryHosts(func(h string) (*http.Request, error) { return http.NewRequest("GET", h+path, nil) })
	if err != nil {
		return 0, err
	}
	defer rsp.Body.Close()
	return rsp.StatusCode, nil
}
