// A file whose name only begins like a mock ("mockingbird"): shown.
package tunnel

import "net/http"

// Client sends the tunnel's requests.
var Client = &http.Client{} // want GL006 "http.Client without Timeout"
