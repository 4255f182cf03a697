package fixtures

import (
	"io"
	"log"
	"net/http"
)

func warnOnError(f func() error, msg string) {
	if err := f(); err != nil {
		log.Print(msg, err)
	}
}

// The body's Close handed as a method value to a deferred call: the defer evaluates
// resp.Body when it runs and the callee calls Close when the function returns.
func deferredMethodValue(hc *http.Client, url string) ([]byte, error) {
	resp, err := hc.Get(url)
	if err != nil {
		return nil, err
	}
	defer log.Println(resp.Body.Close, "closing")
	if resp.StatusCode != http.StatusOK {
		return nil, io.ErrUnexpectedEOF
	}
	return io.ReadAll(resp.Body)
}

// The same through a function of the package that calls what it is given.
func deferredPackageMethodValue(hc *http.Client, url string) ([]byte, error) {
	resp, err := hc.Get(url)
	if err != nil {
		return nil, err
	}
	defer warnOnError(resp.Body.Close, "closing")
	if resp.StatusCode != http.StatusOK {
		return nil, io.ErrUnexpectedEOF
	}
	return io.ReadAll(resp.Body)
}

// Handed on the spot, not deferred: closed from that call on.
func plainMethodValue(hc *http.Client, url string) (int, error) {
	resp, err := hc.Get(url)
	if err != nil {
		return 0, err
	}
	warnOnError(resp.Body.Close, "closing")
	return resp.StatusCode, nil
}

// The method value is handed over only after an early return that leaves the body open.
func methodValueAfterReturn(hc *http.Client, url string) ([]byte, error) {
	resp, err := hc.Get(url) // want GL008 "line 59"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, io.ErrUnexpectedEOF
	}
	defer warnOnError(resp.Body.Close, "closing")
	return io.ReadAll(resp.Body)
}

// Another response's Close does not close this one.
func otherMethodValue(hc *http.Client, url string) ([]byte, error) {
	first, err := hc.Get(url)
	if err != nil {
		return nil, err
	}
	defer warnOnError(first.Body.Close, "closing")
	second, err := hc.Get(url) // want GL008 "never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(second.Body)
}
