package fixtures

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

type apiSession struct {
	client *http.Client
	base   string
}

// Hands back the response with an error it makes when the status is not a success:
// the body is still open, and the caller must close it on that error too.
func (s *apiSession) do(req *http.Request) (*http.Response, error) {
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, errors.New(resp.Status)
	}
	return resp, nil
}

func (s *apiSession) get(path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, s.base+path, nil)
	if err != nil {
		return nil, err
	}
	return s.do(req)
}

func (s *apiSession) version() (string, error) {
	resp, err := s.get("/version") // want GL008 "`resp.Body` is left open at the error return at line 40: s.get returns the response with an error; close it there too"
	if err != nil {
		return "", fmt.Errorf("version: %w", err)
	}
	defer resp.Body.Close()
	var v struct{ Version string }
	err = json.NewDecoder(resp.Body).Decode(&v)
	return v.Version, err
}

func (s *apiSession) versionClosed() (string, error) {
	resp, err := s.get("/version")
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return "", err
	}
	defer resp.Body.Close()
	var v struct{ Version string }
	err = json.NewDecoder(resp.Body).Decode(&v)
	return v.Version, err
}

// Returns an error only with no response: the caller's error branch has nothing to close.
func (s *apiSession) strict(req *http.Request) (*http.Response, error) {
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

func (s *apiSession) ping(req *http.Request) error {
	resp, err := s.strict(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Reads the error reply to its end before handing the response back with an error:
// the connection is free, but the caller's error return still leaves Close undone.
func (s *apiSession) checked(req *http.Request) (*http.Response, error) {
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		msg, _ := io.ReadAll(resp.Body)
		return resp, fmt.Errorf("%s: %s", resp.Status, msg)
	}
	return resp, nil
}

func (s *apiSession) put(req *http.Request) error {
	resp, err := s.checked(req) // want GL008 "`resp.Body` is not closed at the error return at line 100: s.checked returns the response, read to EOF, with an error; close it there too"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
