package lastsend

// Poll reads one line in the caller's goroutine.
func Poll(c *Client) bool { return c.readNext() }
