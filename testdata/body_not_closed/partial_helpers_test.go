package fixtures

import (
	"net/http"
	"testing"
)

func TestSubmitReceipt(t *testing.T) {
	req, _ := http.NewRequest("GET", "http://example.com/", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeReceipt(resp); err != nil {
		t.Error(err)
	}
}
