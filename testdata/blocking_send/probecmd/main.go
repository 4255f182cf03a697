// A tool whose subcommands probe hosts in parallel: each run of the tool runs one
// command, so the probes one command leaves blocked end with the tool.
package main

import (
	"net/http"
	"os"
	"time"

	"github.com/urfave/cli"
)

type result struct {
	host string
	err  error
}

// Called by two command actions, once each: the probes still sending after the timer
// fires are one run's, and the tool exits right after (low confidence).
func probeAll(hosts []string, wait time.Duration) []result {
	results := make(chan result)
	for _, h := range hosts {
		go func(host string) {
			results <- result{host: host, err: probe(host)} // want GL003:low
		}(h)
	}
	var got []result
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for range hosts {
		select {
		case r := <-results:
			got = append(got, r)
		case <-timer.C:
			return got
		}
	}
	return got
}

// Called for every request of the server below: each slow request leaves its
// probes blocked while the server goes on.
func probeEach(hosts []string, wait time.Duration) []result {
	results := make(chan result)
	for _, h := range hosts {
		go func(host string) {
			results <- result{host: host, err: probe(host)} // want GL003 "send on unbuffered `results` blocks forever if its receiver"
		}(h)
	}
	var got []result
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for range hosts {
		select {
		case r := <-results:
			got = append(got, r)
		case <-timer.C:
			return got
		}
	}
	return got
}

func probe(host string) error { return nil }

func check(c *cli.Context) error {
	probeAll(c.Args(), time.Second)
	return nil
}

func status(c *cli.Context) error {
	results := probeAll(c.Args(), 5*time.Second)
	for _, r := range results {
		if r.err != nil {
			return r.err
		}
	}
	return nil
}

func serve(c *cli.Context) error {
	return http.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		probeEach(r.URL.Query()["host"], time.Second)
	}))
}

func main() {
	app := cli.NewApp()
	app.Commands = []cli.Command{
		{Name: "check", Action: check},
		{Name: "status", Action: status},
		{Name: "serve", Action: serve},
	}
	app.Run(os.Args)
}
