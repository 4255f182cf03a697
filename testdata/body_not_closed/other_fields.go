package fixtures

import (
	"fmt"
	"net/http"

	"example.com/store"
)

// A `Get` whose result the function reads through a field an *http.Response does not
// have (`vol.Name`) is another API's lookup, even when it also reads a field named like
// one of the response's (`vol.Status`): there is no body to close.

type volumeServer struct {
	m *store.Manager
}

func (s *volumeServer) describe(w http.ResponseWriter, name string) error {
	vol, err := s.m.Get(name)
	if err != nil {
		return err
	}
	if vol.Status.Standby {
		return fmt.Errorf("volume %v is a standby", vol.Name)
	}
	fmt.Fprintln(w, vol.Name)
	return nil
}

func (s *volumeServer) fetch(client *http.Client, u string) (int, error) {
	resp, err := client.Get(u) // want GL008 "`resp.Body` from client.Get is never closed"
	if err != nil {
		return 0, err
	}
	if resp.Request.URL.Path != u {
		return 0, fmt.Errorf("redirected to %s", resp.Request.URL)
	}
	return resp.StatusCode, nil
}

func ownerOf(m *store.Manager, name string) (string, error) {
	vol, err := m.Get(name)
	if err != nil {
		return "", err
	}
	if vol == nil {
		return "", nil
	}
	return vol.Status.Owner, nil
}
