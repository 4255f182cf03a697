package fixtures

import (
	"context"
	"time"

	"github.com/gomodule/redigo/redis"
)

func dialBare(addr string) (redis.Conn, error) {
	return redis.Dial("tcp", addr) // want GL006 "redis.Dial without DialConnectTimeout, DialReadTimeout or DialWriteTimeout"
}

func dialOther(ctx context.Context, url string) {
	c, err := redis.DialURL(url, redis.DialPassword("secret")) // want GL006 "redis.DialURL without"
	if err == nil {
		c.Close()
	}
	c, err = redis.DialContext(ctx, "tcp", url) // want GL006 "redis.DialContext"
	if err == nil {
		c.Close()
	}
}

// Any timeout option bounds it.
func dialBounded(addr string) (redis.Conn, error) {
	return redis.Dial("tcp", addr,
		redis.DialConnectTimeout(time.Second),
		redis.DialReadTimeout(time.Second),
		redis.DialWriteTimeout(time.Second))
}

func dialReadOnly(addr string) (redis.Conn, error) {
	return redis.Dial("tcp", addr, redis.DialReadTimeout(time.Second))
}

// Options built elsewhere are trusted.
func dialWithOptions(addr string, opts ...redis.DialOption) (redis.Conn, error) {
	return redis.Dial("tcp", addr, opts...)
}

// The incident's pool: Wait: true and a MaxActive cap; its Get waits with no deadline.
var pool = &redis.Pool{
	MaxActive: 300,
	Wait:      true,
	Dial: func() (redis.Conn, error) {
		return redis.Dial("tcp", ":6379", redis.DialConnectTimeout(time.Second))
	},
}

func messageCount() (int, error) {
	conn := pool.Get() // want GL006 "pool.Get\(\) on a redis.Pool with Wait: true \(line 43\) waits without a deadline"
	defer conn.Close()
	return redis.Int(conn.Do("LLEN", "messages"))
}

func messageCountBounded(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	return redis.Int(conn.Do("LLEN", "messages"))
}

// Without Wait, Get fails fast at MaxActive instead of waiting.
var cache = &redis.Pool{MaxActive: 10}

func cached() redis.Conn {
	return cache.Get()
}

// Wait without MaxActive: there is no cap, Get never waits.
var unbounded = &redis.Pool{Wait: true}

func unboundedGet() redis.Conn {
	return unbounded.Get()
}

// Known miss: Wait switched on after the literal.
var late = newLatePool()

func newLatePool() *redis.Pool {
	p := &redis.Pool{MaxActive: 10}
	p.Wait = true
	return p
}

func lateGet() redis.Conn {
	return late.Get() // todo GL006 Wait set by a field assignment after the literal is not seen
}

// A pool whose connections time out their reads: every holder's commands end, so
// Get waits only for a holder that waits on something else meanwhile.
var readBounded = &redis.Pool{
	MaxActive: 50,
	Wait:      true,
	Dial: func() (redis.Conn, error) {
		return redis.Dial("tcp", ":6379", redis.DialReadTimeout(5*time.Second))
	},
}

func readBoundedCount() (int, error) {
	conn := readBounded.Get() // want GL006:low "readBounded.Get\(\) on a redis.Pool with Wait: true"
	defer conn.Close()
	return redis.Int(conn.Do("LLEN", "messages"))
}
