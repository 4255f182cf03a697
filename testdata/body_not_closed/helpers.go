package fixtures

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// Helpers of this file that hand back a response they made, still open.
func fetch(u string) (*http.Response, error) {
	return http.Get(u)
}

type api struct{ client *http.Client }

func (a *api) do(req *http.Request) (*http.Response, error) {
	resp, err := a.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

func (a *api) get(u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return a.do(req)
}

// A helper that reads and closes the body before handing back the response.
func (a *api) status(req *http.Request) (*http.Response, error) {
	resp, err := a.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp, err
}

func discardFetched(u string) error {
	_, err := fetch(u) // want GL008 "response from fetch discarded with `_`"
	return err
}

func statusOfFetched(u string) (int, error) {
	resp, err := fetch(u) // want GL008 "`resp.Body` from fetch is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func (a *api) statusThroughMethods(u string) (int, error) {
	resp, err := a.get(u) // want GL008 "`resp.Body` from a.get is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func (a *api) closedByCaller(u string) (int, error) {
	resp, err := a.get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func (a *api) alreadyClosed(req *http.Request) error {
	_, err := a.status(req)
	return err
}

// bodyclose:handled
func fetchHandled(u string) (*http.Response, error) {
	return http.Get(u)
}

// A function marked the way bodyclose users mark responses that need no Close.
func discardHandled(u string) error {
	_, err := fetchHandled(u)
	return err
}

// Closes the body when it decodes into v: the response is open only when v is nil.
func (a *api) decode(req *http.Request, v any) (*http.Response, error) {
	resp, err := a.client.Do(req)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return resp, nil
	}
	defer resp.Body.Close()
	return resp, json.NewDecoder(resp.Body).Decode(v)
}

func (a *api) decoded(req *http.Request) error {
	var v struct{ ID int }
	_, err := a.decode(req, &v)
	return err
}

// The request is made in one branch or the other; the error check after both is the
// first one's too.
func (a *api) eitherBranch(req *http.Request, retry bool) (int, error) {
	var resp *http.Response
	var err error
	if !retry {
		resp, err = a.do(req)
	} else {
		resp, err = a.client.Do(req)
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
