package fixtures

import (
	"fmt"
	"net/http"
)

// An event stream kept open on purpose: the body's Close, stored as a method value,
// is its owner's to call later.
type eventStream struct {
	client *http.Client
	close  func() error
}

func (s *eventStream) connect(u string) error {
	resp, err := s.client.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return fmt.Errorf("status %s", resp.Status)
	}
	s.close = resp.Body.Close
	return nil
}

// Only its status kept: nothing can close the body.
func (s *eventStream) probe(u string) (int, error) {
	resp, err := s.client.Get(u) // want GL008 "not when the function returns at line 38"
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return 0, fmt.Errorf("status %s", resp.Status)
	}
	return resp.StatusCode, nil
}
