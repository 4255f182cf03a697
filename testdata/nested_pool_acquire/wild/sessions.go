// Package wild holds reduced cases of the redigo incident pattern as it shows up in
// services: a caller holds a pooled connection and calls a same-package function that
// takes a second one from the same pool. At the pool's limit every holder waits.
package wild

import (
	"context"
	"net/http"

	"github.com/gomodule/redigo/redis"
)

// 1. Session middleware: the handler holds a connection for the lookup and calls a
// helper that refreshes the session's TTL on a connection of its own.
type Sessions struct {
	pool *redis.Pool
	next http.Handler
}

func (s *Sessions) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn := s.pool.Get()
	defer conn.Close()
	user, err := redis.String(conn.Do("GET", "session:"+r.Header.Get("X-Session")))
	if err != nil {
		http.Error(w, "no session", http.StatusUnauthorized)
		return
	}
	if err := s.touch(user); err != nil { // want GL007 "`Sessions.ServeHTTP` holds a connection from `s.pool` .* `Sessions.touch` takes another \(`s.pool.Get`"
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.next.ServeHTTP(w, r)
}

func (s *Sessions) touch(user string) error {
	conn := s.pool.Get()
	defer conn.Close()
	_, err := conn.Do("EXPIRE", "session:"+user, 3600)
	return err
}

// 2. Timeline fan-out (N+1): the list is read on one connection and every post is
// loaded through a cache helper, two calls down, on another.
var pool = &redis.Pool{MaxActive: 64, Wait: true}

type Post struct{ ID, Body string }

func Timeline(ctx context.Context, user string) ([]Post, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	ids, err := redis.Strings(conn.Do("ZREVRANGE", "timeline:"+user, 0, 49))
	if err != nil {
		return nil, err
	}
	posts := make([]Post, 0, len(ids))
	for _, id := range ids {
		p, err := loadPost(ctx, id) // want GL007 "while `loadPost` → `cachedPost` takes another \(`pool.GetContext`"
		if err != nil {
			return nil, err
		}
		posts = append(posts, p)
	}
	return posts, nil
}

func loadPost(ctx context.Context, id string) (Post, error) {
	return cachedPost(ctx, id)
}

func cachedPost(ctx context.Context, id string) (Post, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return Post{}, err
	}
	defer conn.Close()
	body, err := redis.String(conn.Do("GET", "post:"+id))
	return Post{ID: id, Body: body}, err
}

// The fix: the held connection is passed down.
func TimelineWith(ctx context.Context, user string) ([]Post, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	ids, err := redis.Strings(conn.Do("ZREVRANGE", "timeline:"+user, 0, 49))
	posts := make([]Post, 0, len(ids))
	for _, id := range ids {
		body, _ := redis.String(conn.Do("GET", "post:"+id))
		posts = append(posts, Post{ID: id, Body: body})
	}
	return posts, err
}

// Two connections of one pool taken in the same function: the same deadlock at the
// limit, but only calls are followed (redigo's own tests hold two on purpose).
func copySession(from, to string) error {
	src := pool.Get()
	defer src.Close()
	dst := pool.Get() // todo GL007 a second acquisition in the same function is not reported
	defer dst.Close()
	v, err := src.Do("DUMP", "session:"+from)
	if err != nil {
		return err
	}
	_, err = dst.Do("RESTORE", "session:"+to, 0, v)
	return err
}
