// Command fetchgo downloads a release and runs it: a command-line run whose sibling
// keeps interrupts for the child it starts, so its requests are its user's to watch.
package main

import (
	"io"
	"net/http"
	"os"
)

func main() {
	for _, url := range os.Args[2:] {
		if err := download(url, os.Args[1]); err != nil {
			os.Exit(1)
		}
	}
	run(os.Args[1])
}

func download(url, file string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, err := os.Create(file)
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, resp.Body)
	return err
}
