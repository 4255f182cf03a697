package fixtures

import (
	"net/http"
	"sync"

	"example.com/broker"
	"example.com/connector"
)

// A Get or Do whose second result is a found flag (`cl, ok := clients.Get(id)`, then
// `if !ok`) is a lookup: net/http's requests return a response and an error, and an
// error cannot be a condition. A Do on a sync.Once, or on a value whose name says
// `client` without ending in it (`firstClientOnce`), runs a function once.

type api struct {
	server *broker.Server
	main   *connector.Main
	once   sync.Once
}

func (a *api) kick(id string) string {
	if cl, ok := a.server.Clients.Get(id); ok {
		return describe(cl)
	}
	return ""
}

func (a *api) inspect(id string) string {
	cl, found := a.server.Clients.Get(id)
	if !found {
		return ""
	}
	return describe(cl)
}

func describe(v any) string { return "" }

func (a *api) connected() {
	a.main.firstClientOnce.Do(a.main.onFirstClient)
	a.once.Do(a.main.Start)
}

func fetchStatus(client *http.Client, u string) (int, error) {
	resp, err := client.Get(u) // want GL008 "`resp.Body` from client.Get is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func dropped(apiClient *broker.Client, req *http.Request) {
	apiClient.Do(req) // want GL008 "response from apiClient.Do dropped"
}
