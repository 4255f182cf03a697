// Command podctl reads the stats of pods: each subcommand runs once per run, and the
// user who started it watches it.
package main

import (
	"fmt"
	"net/http"
	"os"
	"sync"

	"github.com/spf13/cobra"

	"example.com/cmdpaths/internal/api"
	"example.com/cmdpaths/internal/stats"
)

func main() {
	root := &cobra.Command{Use: "podctl"}
	root.AddCommand(&cobra.Command{
		Use: "stats",
		RunE: func(cmd *cobra.Command, args []string) error {
			outs := make([]string, len(args))
			var wg sync.WaitGroup
			wg.Add(len(args))
			for i, pod := range args {
				go func(i int, pod string) {
					defer wg.Done()
					outs[i], _ = stats.Pull(pod)
				}(i, pod)
			}
			wg.Wait()
			fmt.Println(outs)
			return nil
		},
	})
	root.AddCommand(&cobra.Command{
		Use: "compare",
		RunE: func(cmd *cobra.Command, args []string) error {
			a, b, err := stats.Compare(args[0], args[1])
			fmt.Println(a, b)
			return err
		},
	})
	root.AddCommand(&cobra.Command{
		Use: "warm",
		Run: func(cmd *cobra.Command, args []string) {
			stats.Warm(args[0])
		},
	})
	root.AddCommand(&cobra.Command{
		Use:  "health",
		RunE: health,
	})
	root.AddCommand(&cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			return api.Serve(args[0])
		},
	})
	register(root, http.NewServeMux())
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}

func health(cmd *cobra.Command, args []string) error {
	ok, err := stats.Healthy(args[0])
	if err != nil {
		return err
	}
	fmt.Println(ok)
	return nil
}
