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

// A query engine's prepared statement, in a file that imports no SQL package: its
// Prepare is not database/sql's.
type compiled struct{}

type plan struct{}

func (compiled) Prepare(shards []string) (*plan, error) { return &plan{}, nil }

func (*plan) Select() ([]string, error) { return nil, nil }

func (*plan) Close() error { return nil }

func selectShards(c compiled) ([]string, error) {
	p, err := c.Prepare([]string{"a"})
	if err != nil {
		return nil, err
	}
	return p.Select()
}

func selectUnknown(c interface {
	Prepare([]string) (*plan, error)
}) ([]string, error) {
	p, err := c.Prepare(nil)
	if err != nil {
		return nil, err
	}
	return p.Select()
}

// No SQL package imported: a blank-assigned Query result is some other library's.
func blankElsewhere(p peers) error {
	res, err := p.Query("members", nil)
	if err != nil {
		return err
	}
	_ = res
	return nil
}
