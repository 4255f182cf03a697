//go:build ignore

// A generator run by hand with go run: a hang there is seen and stopped at once.
package main

import (
	"io"
	"net/http"
	"os"
)

func main() {
	resp, err := http.Get("https://www.unicode.org/Public/UCD/latest/ucd/UnicodeData.txt")
	if err != nil {
		panic(err)
	}
	io.Copy(os.Stdout, resp.Body)
}
