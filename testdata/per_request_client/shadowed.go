package fixtures

import (
	"io"
	"net/http"

	"cloud.google.com/go/pubsub"
)

// The Close is of the function literal's own `client` parameter: the client made here
// is never closed, and the message must not say it is.
func announce(w http.ResponseWriter, r *http.Request) {
	client, err := pubsub.NewClient(r.Context(), "project") // want GL005 "creates a client on every request in handler `announce` and never closes it"
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	release := func(client io.Closer) { client.Close() }
	defer release(r.Body)
	client.Topic("events").Publish(r.Context(), nil)
}
