// Package ledger is part of goleaklint's example: each leak below is one of the
// incidents the rules come from. Run `goleaklint check examples/` to see them.
package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/gomodule/redigo/redis"
	"google.golang.org/grpc"
)

var pool = &redis.Pool{
	MaxActive: 300,
	Wait:      true,
	Dial:      func() (redis.Conn, error) { return redis.Dial("tcp", "localhost:6379") },
}

// GetMax pins a pooled connection on every call: rows is never closed.
func GetMax(db *sql.DB, table string) (int, error) {
	rows, err := db.Query("SELECT max(id) FROM " + table)
	if err != nil {
		return 0, err
	}
	var max int
	if rows.Next() {
		err = rows.Scan(&max)
	}
	return max, err
}

type accessLog struct {
	mu      sync.Mutex
	records chan string
	closes  []chan error
}

func (l *accessLog) consume(ctx context.Context) {
	for {
		select {
		case r := <-l.records:
			_ = r
		case <-ctx.Done():
			return
		}
	}
}

// Every request blocks here forever once consume has returned.
func (l *accessLog) record(r *http.Request) {
	l.records <- r.URL.Path
}

// One listener that stopped reading wedges every caller holding l.mu.
func (l *accessLog) shutdown(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.closes {
		c <- err
	}
}

// A gRPC connection with its own goroutines and sockets, dialled per request and never closed.
func lookup(w http.ResponseWriter, r *http.Request) {
	conn, err := grpc.Dial("accounts:443")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	fmt.Fprintln(w, conn.Target())
	ctx, _ := context.WithTimeout(r.Context(), time.Second)
	_ = ctx
}

// Holds one pooled connection and asks the pool for a second one.
func balance(account string) (int, error) {
	conn := pool.Get()
	defer conn.Close()
	limit, err := creditLimit(account)
	if err != nil {
		return 0, err
	}
	n, err := redis.Int(conn.Do("GET", "balance:"+account))
	return n + limit, err
}

func creditLimit(account string) (int, error) {
	conn := pool.Get()
	defer conn.Close()
	return redis.Int(conn.Do("GET", "limit:"+account))
}

// The body of a non-200 response is never closed: its connection is never reused.
func fetchRates() ([]byte, error) {
	resp, err := http.Get("https://rates.example.com/today")
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("rates: %s", resp.Status)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// The ticker keeps running after waitReady returns.
func waitReady(ready func() bool) {
	ticker := time.NewTicker(100 * time.Millisecond)
	for range ticker.C {
		if ready() {
			return
		}
	}
}

func startWorker(jobs chan func()) {
	go func() {
		for {
			job := <-jobs
			job()
		}
	}()
}

// Each batch that arrives starts another worker, which outlives it.
func runBatches(batches <-chan []func()) {
	for batch := range batches {
		jobs := make(chan func())
		startWorker(jobs)
		for _, job := range batch {
			jobs <- job
		}
	}
}

// Waits for shutdown's error, or gives up with its context: a waiter that gave up
// no longer reads its channel, and shutdown then wedges every caller holding l.mu.
func (l *accessLog) wait(ctx context.Context) error {
	c := make(chan error)
	l.mu.Lock()
	l.closes = append(l.closes, c)
	l.mu.Unlock()
	select {
	case err := <-c:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
