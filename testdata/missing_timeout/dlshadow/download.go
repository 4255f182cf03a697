package dlshadow

import (
	"io"
	"net/http"
	"os"
)

// The signature mirrors' responses are downloads; the first response, whose name
// the loop's resp shadows, is only closed: its advice is the client's Timeout.
func fetchWithSignatures(u string, out *os.File) error {
	resp, err := http.Get(u) // want GL006 "http.Get uses http.DefaultClient, which has no Timeout and waits forever on a stalled server; use a client with Timeout or ResponseHeaderTimeout$"
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	for _, mirror := range []string{u + ".sig", u + ".asc"} {
		resp, err := http.Get(mirror) // want GL006 "for this download, use a Transport with ResponseHeaderTimeout"
		if err != nil {
			return err
		}
		io.Copy(out, resp.Body)
		resp.Body.Close()
	}
	return nil
}
