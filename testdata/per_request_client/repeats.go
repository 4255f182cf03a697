package fixtures

import "net/http"

// What shows that a function building a transport runs again (lifetime.runs_again).

func evFetch(url string) error {
	c := &http.Client{Transport: &http.Transport{}} // want GL005 "makes a new connection pool on every call of `evFetch`"
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Called once per request.
func evProxy(w http.ResponseWriter, r *http.Request) {
	evFetch("https://upstream.example/")
}

func evPing(url string) error {
	c := &http.Client{Transport: &http.Transport{}} // want GL005 "makes a new connection pool on every call of `evPing`"
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Called for every URL that arrives.
func evPingAll(urls <-chan string) {
	for url := range urls {
		evPing(url)
	}
}

// Called once by set-up code that nothing shows running again: low.
func evDiscover(url string) error {
	c := &http.Client{Transport: &http.Transport{}} // want GL005:low "makes a new connection pool on every call of `evDiscover`"
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func evConfigure() error {
	return evDiscover("https://discovery.example/")
}
