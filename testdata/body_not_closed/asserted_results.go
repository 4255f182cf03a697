package fixtures

import (
	"net/http"

	"example.com/kvstore"
)

// A `Get` whose first result the function type-asserts (`value.(string)`) or
// type-switches on returns an interface value, which an *http.Response never is: a
// key-value client's lookup, whatever the receiver's name or its type's name says
// (a field of type `*kvstore.Client`), even in a file that imports net/http.

type provider struct {
	client *kvstore.Client
}

func (p *provider) read(id string) (string, error) {
	value, err := p.client.Get(id)
	if err != nil {
		return "", err
	}
	if value == nil || len(value.(string)) == 0 {
		return "", nil
	}
	return id, nil
}

func (p *provider) exists(id string) bool {
	value, err := p.client.Get(id)
	if err != nil {
		panic(err)
	}
	switch (value).(type) {
	case string:
		return true
	}
	return false
}

type remote struct {
	client *http.Client
}

func (r *remote) status(u string) (string, error) {
	value, err := r.client.Get(u) // want GL008 "`value.Body` from r.client.Get is never closed"
	if err != nil {
		return "", err
	}
	return value.Status, nil
}
