package fixtures

import "example.com/modload"

type peers struct{}

func (peers) Query(name string, payload []byte) (chan string, error) {
	return make(chan string), nil
}

// Not a SQL file: a discarded Query result is some other library's.
func discardedElsewhere(p peers) error {
	_, err := p.Query("ping", nil)
	return err
}

// A package function named Query returns no rows.
func packageQuery(path string) (string, error) {
	rev, err := modload.Query(path, "latest")
	if err != nil {
		return "", err
	}
	return rev.Version, nil
}

// A Query result used with no rows method is not rows.
func channelQuery(p peers) string {
	responses, err := p.Query("members", nil)
	if err != nil {
		return ""
	}
	return <-responses
}
