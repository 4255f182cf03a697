// Command mailer serves mail and runs the subcommands its user names: each runs once
// per invocation, so a request there stalls only that run.
package main

import (
	"log"
	"net/http"
	"os"
	"strings"
)

var commands = []struct {
	name string
	fn   func(args []string)
}{
	{"serve", cmdServe},
	{"webapi", cmdWebapi},
	{name: "version", fn: cmdVersion},
}

var aliases = map[string]func(args []string){
	"api": cmdWebapi,
}

// Hooks run on every delivery: no command names them.
var hooks = []func(args []string){notifyHook}

func main() {
	for _, c := range commands {
		if len(os.Args) > 1 && c.name == os.Args[1] {
			c.fn(os.Args[2:])
			return
		}
	}
}

func cmdServe(args []string) {
	http.HandleFunc("/deliver", func(w http.ResponseWriter, r *http.Request) {
		for _, h := range hooks {
			h(nil)
		}
		report(r.URL.Query().Get("to"))
	})
	log.Fatal(http.ListenAndServe(":8080", nil)) // want GL006 "http.ListenAndServe runs an http.Server"
}

func cmdWebapi(args []string) {
	resp, err := http.PostForm(args[0], map[string][]string{"request": {args[1]}})
	if err == nil {
		resp.Body.Close()
	}
}

func cmdVersion(args []string) {
	resp, err := http.Get("https://updates.example.com/latest")
	if err == nil {
		resp.Body.Close()
	}
}

func notifyHook(args []string) {
	resp, err := http.Post("https://hooks.example.com", "text/plain", strings.NewReader("delivered")) // want GL006 "http.Post uses http.DefaultClient"
	if err == nil {
		resp.Body.Close()
	}
}

// report is a command of the table, and also called for each delivery.
func report(to string) {
	cmdReport([]string{to})
}

var more = []struct {
	name string
	fn   func(args []string)
}{{"report", cmdReport}}

func cmdReport(args []string) {
	resp, err := http.Get("https://reports.example.com/" + args[0]) // want GL006 "http.Get uses http.DefaultClient"
	if err == nil {
		resp.Body.Close()
	}
}
