package lib

// The service's main makes one client, but the module's examples import the package:
// a library's users, unseen here, may make one per request. Reported.
type Client struct{ requests chan string }

func NewClient() *Client {
	c := &Client{requests: make(chan string)}
	go c.serve() // want GL011 "blocks on `<-c.requests`"
	return c
}

func (c *Client) serve() {
	for {
		request := <-c.requests
		_ = request
	}
}

func (c *Client) Close() error { return nil }
