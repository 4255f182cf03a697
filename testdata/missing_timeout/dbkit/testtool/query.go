// Package testtool holds the helpers the driver's tests share: a query against a local
// adapter, whose stall ends with the test that makes it.
package testtool

import (
	"io"
	"net/http"
	"strings"
)

func HTTPQuery(sql string) (string, error) {
	req, err := http.NewRequest(http.MethodPost, "http://127.0.0.1:6041/rest/sql", strings.NewReader(sql))
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
