package fixtures

import (
	"net/http"
	"sync"
)

// A method of this package is the one called only through a value of its type: a
// same-named method of another package's type (sync.Pool's Put keeps what it is
// given) or of an interface is another function, whose summary is not this one.

type statusLog struct {
	codes []int
}

// Put only reads the response.
func (l *statusLog) Put(resp *http.Response) {
	l.codes = append(l.codes, resp.StatusCode)
}

type keeper interface {
	Put(resp *http.Response)
}

func readByOwnMethod(client *http.Client, req *http.Request, l *statusLog) error {
	resp, err := client.Do(req) // want GL008 "`resp.Body` from client.Do is never closed"
	if err != nil {
		return err
	}
	l.Put(resp)
	return nil
}

func keptByPool(client *http.Client, req *http.Request, pool *sync.Pool) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	pool.Put(resp)
	return nil
}

func keptByInterface(client *http.Client, req *http.Request, k keeper) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	k.Put(resp)
	return nil
}
