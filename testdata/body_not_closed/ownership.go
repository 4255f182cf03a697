package fixtures

import (
	"errors"
	"fmt"
	"log"
	"net/http"
)

// What a helper of this file does with the response decides: reading it is not
// closing it, closing its body is.

func logStatus(resp *http.Response) {
	log.Printf("status %d from %s", resp.StatusCode, resp.Request.URL)
}

func finish(resp *http.Response) error {
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// handle hands the response to finish, which closes it.
func handle(resp *http.Response) error {
	logStatus(resp)
	return finish(resp)
}

func readByHelper(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req) // want GL008 "`resp.Body` from client.Do is never closed"
	if err != nil {
		return err
	}
	logStatus(resp)
	return nil
}

func closedByHelper(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return finish(resp)
}

func closedByHelperOfHelper(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return handle(resp)
}

func printed(url string) error {
	resp, err := http.Get(url) // want GL008 "`resp.Body` from http.Get is never closed"
	if err != nil {
		return err
	}
	fmt.Println(resp)
	return nil
}

// Returned on one path: the caller owns it there, not on the other path.
func returnedOnOnePath(client *http.Client, req *http.Request, keep bool) (*http.Response, error) {
	resp, err := client.Do(req) // want GL008 "`resp.Body` from client.Do is not closed when the function returns at line 74"
	if err != nil {
		return nil, err
	}
	if keep {
		return resp, nil
	}
	return nil, nil
}

// Returned on every path that does not close it.
func returnedOrClosed(client *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}
