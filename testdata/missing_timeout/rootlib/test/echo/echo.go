package echo

import "example.com/rootlib"

func Echo(url string) error {
	resp, err := rootlib.Fetch(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
