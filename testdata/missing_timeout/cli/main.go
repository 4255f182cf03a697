// Command fetch prints a template it downloads: a program that makes its requests and
// exits. Its user sees a stall and interrupts it.
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
)

func main() {
	resp, err := http.Get(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer resp.Body.Close()
	io.Copy(os.Stdout, resp.Body)
	head()
}

func head() {
	client := &http.Client{}
	for _, url := range os.Args[2:] {
		resp, err := client.Head(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
	for {
		if _, err := fmt.Scanln(); err != nil {
			break // reads input until its end, then exits
		}
	}
}
