package fixtures

import (
	"net/http"

	"example.com/concurrent"
	"example.com/retrying"
)

// A Get or Do counts as a request only on a value that may be an HTTP client: the
// receiver's declared type of another package says so by its name, and without a
// declared type, the name of the value the method is called on does.

type settingsStore struct {
	entries concurrent.Map
	api     *retrying.Client
}

type pushHandler struct {
	client *settingsStore
}

type cachedEntry struct{ stale bool }

// A concurrent map's Get under a field named client: not a request.
func (h *pushHandler) markStale(key string) bool {
	data, ok := h.client.entries.Get(key)
	if !ok {
		return false
	}
	entry := data.(cachedEntry)
	entry.stale = true
	h.client.entries.Set(key, entry)
	return true
}

// Another package's Client: its Get is a request.
func (h *pushHandler) fetchStatus(u string) (int, error) {
	resp, err := h.client.api.Get(u) // want GL008 "`resp.Body` from h.client.api.Get is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A value of no declared type called on through a client: its name says a cache.
func lookup(remote *retrying.Remote, key string) bool {
	data, ok := remote.client.cache.Get(key)
	if !ok {
		return false
	}
	return data != nil
}

// Reading the response's Body says it is a response, whatever the receiver's name.
func (h *pushHandler) readThrough(store concurrent.Map, u string) error {
	resp, err := store.Get(u) // want GL008 "`resp.Body` from store.Get is never closed"
	if err != nil {
		return err
	}
	_, err = resp.Body.Read(make([]byte, 1))
	return err
}

var _ = http.Get

// A client of another package's type that embeds *http.Client: its name says a client.
type charger struct {
	client *retrying.Helper
}

func (t *charger) enable(req *http.Request) error {
	if _, err := t.client.Do(req); err != nil { // want GL008 "response from t.client.Do discarded with `_`"
		return err
	}
	return nil
}
