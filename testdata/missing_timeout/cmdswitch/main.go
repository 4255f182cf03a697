// Command pager runs the subcommand its user names, picked by a switch on its first
// argument: each runs once per invocation, so a request there stalls only that run.
// A switch on a request's method, or one read in a loop of lines, runs any number of
// times and picks no command.
package main

import (
	"bufio"
	"net/http"
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args))
}

func run(args []string) int {
	if len(args) < 2 {
		return 2
	}
	switch args[1] {
	case "notify":
		return notifyCmd(args[2:])
	case "serve":
		return serveCmd()
	case "shell":
		return shellCmd()
	case "version", "--version":
		return 0
	}
	return 2
}

func notifyCmd(args []string) int {
	if err := send(args[0]); err != nil {
		return 1
	}
	return 0
}

func send(url string) error {
	resp, err := http.Post(url, "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func serveCmd() int {
	http.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case "POST":
			forward(r.URL.Query().Get("to"))
		}
	})
	server := &http.Server{Addr: ":8080", ReadHeaderTimeout: 10 * time.Second}
	if err := server.ListenAndServe(); err != nil {
		return 1
	}
	return 0
}

// forward is picked by a switch in a request handler: it runs per request.
func forward(to string) {
	resp, err := http.Get(to) // want GL006 "http.Get uses http.DefaultClient"
	if err == nil {
		resp.Body.Close()
	}
}

func shellCmd() int {
	lines := bufio.NewScanner(os.Stdin)
	for lines.Scan() {
		switch lines.Text() {
		case "ping":
			ping()
		}
	}
	return 0
}

// ping is picked by a switch in a loop over the lines the user types: it runs per line.
func ping() {
	resp, err := http.Get("https://status.example.com") // want GL006 "http.Get uses http.DefaultClient"
	if err == nil {
		resp.Body.Close()
	}
}
