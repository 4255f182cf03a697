package zeroclient

import (
	"net/http"
	"time"
)

const timeout = 10 * time.Second

func (p *pushAPI) configure() {
	p.hc.Timeout = timeout
}

func tune(c *http.Client) {
	c.Timeout = timeout
}

// A field of the same name on another type, set here, does not configure lookupAPI's.
type other struct {
	hc http.Client
}

func (o *other) reset() {
	o.hc = http.Client{Timeout: timeout}
}
