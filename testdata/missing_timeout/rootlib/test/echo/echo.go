package echo

import (
	"example.com/rootlib"
	"example.com/rootlib/client2"
)

func Echo(url string) error {
	resp, err := rootlib.Fetch(url)
	if err != nil {
		return err
	}
	if err := resp.Body.Close(); err != nil {
		return err
	}
	resp, err = client2.Status(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
