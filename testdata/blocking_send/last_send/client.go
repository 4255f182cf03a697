package lastsend

import "bufio"

// readNext is also called from another file (poll.go), outside any goroutine: its
// `return false` does not end one there.
type Client struct {
	r     *bufio.Reader
	fail  chan error
	quit  chan struct{}
	found chan string
}

func NewClient(r *bufio.Reader) *Client {
	c := &Client{r: r, fail: make(chan error), quit: make(chan struct{}), found: make(chan string, 1)}
	go c.loop()
	return c
}

func (c *Client) loop() {
	for c.readNext() {
	}
}

func (c *Client) readNext() bool {
	line, err := c.r.ReadString('\n')
	if err != nil {
		c.fail <- err
		return false
	}
	c.found <- line
	return true
}

func (c *Client) Next() (string, error) {
	select {
	case err := <-c.fail:
		return "", err
	case line := <-c.found:
		return line, nil
	}
}

func (c *Client) Close() { close(c.quit) }
