package fixtures

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

type receipt struct{ ID string }

// Closes the body only once the read succeeded.
func decodeReceipt(resp *http.Response) (*receipt, error) {
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := &receipt{}
	if err := json.Unmarshal(data, r); err != nil {
		return nil, err
	}
	return r, nil
}

func submitReceipt(c *http.Client, req *http.Request) (*receipt, error) {
	resp, err := c.Do(req) // want GL008
	if err != nil {
		return nil, err
	}
	return decodeReceipt(resp)
}

// Closes the body itself on the happy path; the failed read returns with it open.
func readAndClose(body io.ReadCloser) ([]byte, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	body.Close()
	return data, nil
}

func fetchBytes(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u) // want GL008
	if err != nil {
		return nil, err
	}
	return readAndClose(resp.Body)
}

// The caller closes the body as well: the helper's open path is covered.
func submitReceiptClosed(c *http.Client, req *http.Request) (*receipt, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return decodeReceipt(resp)
}

// Closes the body when the status is wrong and says so; a nil error leaves it to the caller.
func rejectStatus(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return errors.New(resp.Status)
	}
	return nil
}

func fetchChecked(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	if err := rejectStatus(resp); err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Closes the body on every path.
func decodeReceiptAlways(resp *http.Response) (*receipt, error) {
	defer resp.Body.Close()
	r := &receipt{}
	if err := json.NewDecoder(resp.Body).Decode(r); err != nil {
		return nil, err
	}
	return r, nil
}

func submitReceiptAlways(c *http.Client, req *http.Request) (*receipt, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return decodeReceiptAlways(resp)
}

// Nil responses need nothing closed.
func decodeMaybe(resp *http.Response) (*receipt, error) {
	if resp == nil {
		return nil, errors.New("no response")
	}
	defer resp.Body.Close()
	r := &receipt{}
	return r, json.NewDecoder(resp.Body).Decode(r)
}

func submitMaybe(c *http.Client, req *http.Request) (*receipt, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return decodeMaybe(resp)
}

// Takes the request's error along: no response to close when it is not nil.
func statusOf(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return errors.New(resp.Status)
	}
	return nil
}

func openChecked(c *http.Client, req *http.Request) (io.ReadCloser, error) {
	resp, err := c.Do(req)
	err = statusOf(resp, err)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}
