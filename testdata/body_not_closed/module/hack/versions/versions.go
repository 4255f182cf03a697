// Package versions is a developer's release tool: its responses end with the tool.
package versions

import (
	"io"
	"log"
	"net/http"
)

// Released fetches the released config, the first of the mirrors that answers.
func Released(mirrors []string) []byte {
	for _, u := range mirrors {
		resp, err := http.Get(u) // want GL008:low "not when the loop iteration ends"
		if err == nil && resp.StatusCode == http.StatusOK {
			defer resp.Body.Close()
			data, err := io.ReadAll(resp.Body)
			if err != nil {
				log.Fatal(err)
			}
			return data
		}
	}
	log.Fatal("no mirror answered")
	return nil
}
