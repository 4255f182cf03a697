package service

import "errors"

// This file does not import net/http: fetchHealth and s.send, declared in helpers.go,
// return an *http.Response all the same.
func probe(s *service) {
	_, _ = fetchHealth(s.client, s.base) // want GL008 "response from fetchHealth discarded with `_`"
}

func probeStatus(s *service) (int, error) {
	resp, err := fetchHealth(s.client, s.base) // want GL008 "`resp.Body` from fetchHealth is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func probeClosed(s *service) error {
	resp, err := fetchHealth(s.client, s.base)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return errors.New(resp.Status)
	}
	return nil
}

// fetchClosed closes the body itself; ping is no request at all.
func probeClosedByHelper(s *service) int {
	resp, err := fetchClosed(s.client, s.base)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func pinged(s *service) error {
	err := ping(s)
	return err
}
