// Package e2etests drives the services of an end-to-end suite.
package e2etests

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// WaitForDB polls until the database answers, opening and closing a handle per try:
// test support whose turns leave nothing open (low).
func WaitForDB(ctx context.Context, dsn string) error {
	for {
		db, err := sql.Open("postgres", dsn) // want GL005:low "`sql.Open` creates and closes a client on every iteration"
		if err == nil {
			err = db.PingContext(ctx)
			db.Close()
		}
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// Scrape leaves a client per turn of the loop with its idle connections open: they pile
// up while the suite runs (shown).
func Scrape(ctx context.Context, urls <-chan string) {
	for url := range urls {
		client := &http.Client{Transport: &http.Transport{}} // want GL005 "makes a new connection pool on every iteration"
		resp, err := client.Get(url)
		if err == nil {
			resp.Body.Close()
		}
	}
}
