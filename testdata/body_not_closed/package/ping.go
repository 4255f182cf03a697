package service

import (
	"fmt"
	"io"
	"net/http"
)

// What s.httpClient() and a.fetch return is declared in service.go: only the facts
// of the package's other files say that these are HTTP responses.
func ping(s *service) error {
	resp, err := s.httpClient().Get(s.base + "/ping") // want GL008 "`resp.Body` from ….Get\(\) is never closed"
	if err != nil {
		return err
	}
	fmt.Println(resp)
	return nil
}

func pingClosed(s *service) error {
	resp, err := s.httpClient().Get(s.base + "/ping")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("ping: %s", resp.Status)
	}
	return nil
}

// logResponse and finish are declared in helpers.go: what they do with the response
// is summarised there.
func logged(s *service, req *http.Request) error {
	resp, err := s.client.Do(req) // want GL008 "`resp.Body` from s.client.Do is never closed"
	if err != nil {
		return err
	}
	logResponse(resp)
	return nil
}

func finished(s *service, req *http.Request) error {
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return finish(resp)
}

// fetchHealth, s.send and fetchClosed are declared in helpers.go: whether the response
// they return is still open is read there.
func healthy(s *service) bool {
	resp, err := fetchHealth(s.client, s.base) // want GL008 "`resp.Body` from fetchHealth is never closed"
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}

func healthyClosed(s *service) bool {
	resp, err := fetchHealth(s.client, s.base)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func sent(s *service, req *http.Request) error {
	_, err := s.send(req) // want GL008 "response from s.send discarded with `_`"
	return err
}

func closedByHelper(s *service) (int, error) {
	resp, err := fetchClosed(s.client, s.base)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func called(s *service, req *http.Request, w io.Writer) error {
	_, err := s.call(req, w)
	return err
}
