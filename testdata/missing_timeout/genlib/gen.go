// Package genlib is the shared code of a repository's table generators: it declares
// their command-line flags, so only programs use it, and nothing in it keeps a process
// running. A stalled download is interrupted by the developer who runs the generator.
package genlib

import (
	"flag"
	"io"
	"net/http"
)

var (
	url = flag.String("url", "https://www.unicode.org/Public", "where to download the tables")
	out = flag.String("out", "tables.go", "the output file")
)

// Open downloads the named table.
func Open(path string) (io.ReadCloser, error) {
	resp, err := http.Get(*url + "/" + path)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}
