package fixtures

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// Read to its end: the transport reuses the connection, but Close is the contract.
func copiedOut(client *http.Client, req *http.Request, w io.Writer) error {
	resp, err := client.Do(req) // want GL008 "read until EOF or an error but never closed, which net/http asks for"
	if err != nil {
		return err
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

// Read to its end on success, unread on a bad status: that path holds the connection.
func unreadOnBadStatus(client *http.Client, req *http.Request) ([]byte, error) {
	resp, err := client.Do(req) // want GL008 "^`resp.Body` from client.Do is not closed when the function returns at line 27: defer resp.Body.Close"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// Decoded, not closed: at EOF once decoded whole, busy if the decoding fails (a warning).
func decodedOnly(client *http.Client, req *http.Request, v any) error {
	resp, err := client.Do(req) // want GL008 "^`resp.Body` from client.Do is decoded or read but never closed, which net/http asks for: defer resp.Body.Close\(\) after the error check$"
	if err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// A 304 or 204 response has no body to close.
func notModified(client *http.Client, req *http.Request, v any) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNotModified {
		return nil
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func noContent(client *http.Client, req *http.Request) (bool, error) {
	resp, err := client.Do(req)
	if err != nil {
		return false, err
	}
	switch resp.StatusCode {
	case http.StatusNoContent, http.StatusNotModified:
		return false, nil
	}
	defer resp.Body.Close()
	return true, nil
}

// Any other status keeps the body open.
func notFound(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req) // want GL008 "closed on the happy path but not when the function returns at line 74: defer resp.Body.Close"
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil
	}
	defer resp.Body.Close()
	return nil
}

func closeQuietly(c io.Closer) {
	_ = c.Close()
}

// The body handed to a helper that closes it.
func closedThroughBody(u string) int {
	resp, err := http.Get(u)
	if err != nil {
		return 0
	}
	defer closeQuietly(resp.Body)
	return resp.StatusCode
}

func ignore(r io.Reader) {}

// The body handed to a helper that neither reads nor closes it.
func bodyToIdleHelper(u string) {
	resp, err := http.Get(u) // want GL008 "never closed"
	if err != nil {
		return
	}
	ignore(resp.Body)
}

// Fired and forgotten: the response is dropped.
func ping(u string) {
	http.Get(u) // want GL008 "response from http.Get dropped, so its Body can never be closed"
}

func pingClient(client *http.Client, req *http.Request) {
	client.Do(req) // want GL008 "dropped"
}

// A closing closure that nothing calls.
func closerNeverCalled(u string) {
	resp, err := http.Get(u) // want GL008 "never closed"
	if err != nil {
		return
	}
	_ = func() {
		resp.Body.Close()
	}
}

func closerBoundNeverCalled(u string) {
	resp, err := http.Get(u) // want GL008 "never closed"
	if err != nil {
		return
	}
	closeIt := func() {
		resp.Body.Close()
	}
	_ = closeIt // a blank assignment is not a call
}

func closerCalled(u string) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	closeIt := func() {
		resp.Body.Close()
	}
	defer closeIt()
}

func closerCalledInGoroutine(u string, done chan struct{}) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	closeIt := func() {
		resp.Body.Close()
	}
	go func() {
		<-done
		closeIt()
	}()
}

// A deferred literal that takes the body and does nothing with it.
func deferredNoop(u string) {
	resp, err := http.Get(u) // want GL008 "never closed"
	if err != nil {
		return
	}
	defer func(body io.ReadCloser) {}(resp.Body)
}

func deferredCloser(u string) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	defer func(body io.ReadCloser) {
		_ = body.Close()
	}(resp.Body)
}

type lazy struct {
	clientOnce interface{ Do(func()) }
	client     *http.Client
}

// A sync.Once named after the client it builds: not a request.
func (l *lazy) init() {
	l.clientOnce.Do(func() {
		l.client = &http.Client{}
	})
}

// A wrapper that would close the body, discarded.
func wrappedAndDropped(u string) {
	resp, err := http.Get(u) // want GL008 "never closed"
	if err != nil {
		return
	}
	_ = http.MaxBytesReader(nil, resp.Body, 1024)
}

func wrappedAndClosed(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	body := http.MaxBytesReader(nil, resp.Body, 1024)
	defer body.Close()
	_, err = io.Copy(io.Discard, body)
	return err
}

// NopCloser's Close does not close the body it wraps.
func nopClosed(u string) error {
	resp, err := http.Get(u) // want GL008 "never closed"
	if err != nil {
		return err
	}
	body := io.NopCloser(resp.Body)
	return body.Close()
}

// Copies its second parameter, the source, to its end.
func copyStatus(w io.Writer, r io.Reader) error {
	_, err := io.Copy(w, r)
	return err
}

// Read to EOF by a helper of the file, never closed: net/http's contract.
func relayStatus(u string, w io.Writer) error {
	resp, err := http.Get(u) // want GL008 "`resp.Body` from http.Get is read until EOF or an error but never closed, which net/http asks for"
	if err != nil {
		return err
	}
	return copyStatus(w, resp.Body)
}

// Read through a limit: at EOF unless the reply is longer (a warning).
func limited(client *http.Client, req *http.Request) ([]byte, error) {
	resp, err := client.Do(req) // want GL008 "^`resp.Body` from client.Do is decoded or read but never closed, which net/http asks for: defer resp.Body.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// Read through a limit on one path only: the other leaves it unread.
func limitedSometimes(client *http.Client, req *http.Request) ([]byte, error) {
	resp, err := client.Do(req) // want GL008 "^`resp.Body` from client.Do is never closed: defer resp.Body.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// Closed on every path but the one where reading it failed: net/http has closed the
// connection after the read error, so nothing is held there.
func closedUnlessReadFails(client *http.Client, req *http.Request, v any) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return errors.New(resp.Status)
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return json.Unmarshal(data, v)
}

func copiedUnlessCopyFails(client *http.Client, req *http.Request, w io.Writer) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, resp.Body); err != nil {
		return err
	}
	return resp.Body.Close()
}

// Read to its end but left open after a successful read too: that path is not a failed
// read, and the note stays.
func openAfterGoodReadToo(client *http.Client, req *http.Request) ([]byte, error) {
	resp, err := client.Do(req) // want GL008 "read until EOF or an error but not closed when the function returns at line"
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, errors.New("empty")
	}
	resp.Body.Close()
	return data, nil
}

// The branch after the read tests another error: the failed path is not the read's.
func otherErrorAfterRead(client *http.Client, req *http.Request, check func() error) ([]byte, error) {
	resp, err := client.Do(req) // want GL008 "read until EOF or an error but not closed when the function returns at line"
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	if cerr := check(); cerr != nil {
		return nil, cerr
	}
	resp.Body.Close()
	return data, err
}
