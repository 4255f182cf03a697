package messages

import (
	"context"
	"sync"

	"github.com/gomodule/redigo/redis"
)

var pool = &redis.Pool{MaxActive: 300, Wait: true}

var cache = &redis.Pool{MaxActive: 10, Wait: true}

type Message struct{ ID, Body string }

// The incident: holding a connection while a callee takes another from the same pool.
func MessageList(ctx context.Context) ([]Message, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	ids, err := redis.Strings(conn.Do("LRANGE", "messages", 0, -1))
	if err != nil {
		return nil, err
	}
	var list []Message
	for _, id := range ids {
		m, err := message(ctx, id) // want GL007 "^`MessageList` holds a connection from `pool` \(line 18\) while `message` takes another \(`pool.GetContext`, b.go:\d+\); pass it down or release it first$"
		if err != nil {
			return nil, err
		}
		list = append(list, m)
	}
	return list, nil
}

// Through two calls: countAll -> countOne -> pool.Get().
func MessageCount() (int, error) {
	conn := pool.Get()
	defer conn.Close()
	if _, err := conn.Do("PING"); err != nil {
		return 0, err
	}
	return countAll([]string{"a", "b"}) // want GL007 "while `countAll` → `countOne` takes another \(`pool.Get`, b.go:36\)"
}

// Released on the error path only: still held on the path that calls.
func firstMessage(ctx context.Context) (Message, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return Message{}, err
	}
	id, err := redis.String(conn.Do("LINDEX", "messages", 0))
	if err != nil {
		conn.Close()
		return Message{}, err
	}
	m, err := message(ctx, id) // want GL007 "`firstMessage` holds a connection from `pool`"
	conn.Close()
	return m, err
}

// Sequential: released before the call.
func lastMessage(ctx context.Context) (Message, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return Message{}, err
	}
	id, err := redis.String(conn.Do("LINDEX", "messages", -1))
	conn.Close()
	if err != nil {
		return Message{}, err
	}
	return message(ctx, id)
}

// A different pool: cache connections do not wait for pool connections.
func cachedMessage(ctx context.Context, id string) (Message, error) {
	c := cache.Get()
	defer c.Close()
	if body, err := redis.String(c.Do("GET", id)); err == nil {
		return Message{ID: id, Body: body}, nil
	}
	return message(ctx, id)
}

// sync.Pool.Get is not an acquisition: nothing is closed.
var buffers sync.Pool

func render(ctx context.Context, id string) string {
	b := buffers.Get()
	defer buffers.Put(b)
	m, _ := message(ctx, id)
	return m.Body
}

// A goroutine's calls are not followed: the holder does not wait for it.
func prefetch(ctx context.Context, ids []string) {
	conn := pool.Get()
	defer conn.Close()
	for _, id := range ids {
		go func(id string) {
			message(ctx, id)
		}(id)
	}
}

// Passing the held connection down is the fix.
func MessageListFixed(ctx context.Context) ([]Message, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	ids, _ := redis.Strings(conn.Do("LRANGE", "messages", 0, -1))
	var list []Message
	for _, id := range ids {
		m, err := messageWith(conn, id)
		if err != nil {
			return nil, err
		}
		list = append(list, m)
	}
	return list, nil
}
