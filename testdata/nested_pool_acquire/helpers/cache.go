// Package helpers: connections taken through a helper that returns `pool.Get()`, on
// either side of the nested acquisition.
package helpers

import (
	"sync"

	"github.com/gomodule/redigo/redis"
)

type Cache struct {
	pool *redis.Pool
}

// conn hands out a pooled connection; its callers close it.
func (c *Cache) conn() redis.Conn {
	return c.pool.Get()
}

func (c *Cache) Get(key string) (string, error) {
	conn := c.conn()
	defer conn.Close()
	return redis.String(conn.Do("GET", key))
}

// The second connection is taken through the helper, inside Get.
func (c *Cache) GetMany(keys []string) (map[string]string, error) {
	conn := c.pool.Get()
	defer conn.Close()
	if _, err := conn.Do("PING"); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, key := range keys {
		v, err := c.Get(key) // want GL007 "^`Cache.GetMany` holds a connection from `c.pool` \(line 28\) while `Get` → `conn` takes another \(`c.pool.Get`, line 17\); pass it down or release it first$"
		if err != nil {
			return nil, err
		}
		out[key] = v
	}
	return out, nil
}

// Both connections through the helper.
func (c *Cache) Refresh(key string) error {
	conn := c.conn()
	defer conn.Close()
	if _, err := conn.Do("DEL", key); err != nil {
		return err
	}
	_, err := c.Get(key) // want GL007 "`Cache.Refresh` holds a connection from `c.pool` \(line 46\) while `Get` → `conn` takes another"
	return err
}

// Released before the call: nothing is held.
func (c *Cache) Reload(key string) error {
	conn := c.conn()
	if _, err := conn.Do("DEL", key); err != nil {
		conn.Close()
		return err
	}
	conn.Close()
	_, err := c.Get(key)
	return err
}

// A getter of a sync.Pool returns `Get()` too, but nobody closes what it returns.
type buffers struct {
	pool sync.Pool
}

func (b *buffers) get() interface{} {
	return b.pool.Get()
}

func (b *buffers) fill(c *Cache) error {
	conn := c.pool.Get()
	defer conn.Close()
	buf := b.get()
	_ = buf
	return b.flush()
}

func (b *buffers) flush() error {
	buf := b.get()
	_ = buf
	return nil
}
