package fixtures

import (
	"io"
	"net/http"

	"example.com/plugins"
	"example.com/tagclient"
)

// A `Get` or `Do` of a value whose result the function uses through methods an
// *http.Response does not have (`d.String()`, `r.Lookup(name)`) is another API's
// call, whatever the value's name or its type's name says (a `tagclient.Client`, a
// `clientRegistry`): it returns no body to close.

type agent struct {
	tags tagclient.Client
}

var clientRegistry = plugins.NewRegistry()

func (a *agent) tagDigest(w io.Writer, tag string) error {
	d, err := a.tags.Get(tag)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, d.String())
	return err
}

func pluginFor(namespace, name string) bool {
	r, ok := clientRegistry.Get(namespace)
	if !ok {
		return false
	}
	return r.Lookup(name)
}

func statusOf(client *http.Client, u string) (string, error) {
	resp, err := client.Get(u) // want GL008 "`resp.Body` from client.Get is never closed"
	if err != nil {
		return "", err
	}
	if resp.ProtoAtLeast(1, 1) {
		return resp.Status, nil
	}
	return "", nil
}
