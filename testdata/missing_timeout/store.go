package fixtures

import (
	"sync"

	redigo "github.com/gomodule/redigo/redis"
)

// A pool built by a factory in another file of the package, stored in a field.
type store struct {
	redis *redigo.Pool
	bufs  sync.Pool
}

func newStore() *store {
	return &store{redis: newWaitingPool()}
}

func (s *store) get(key string) (string, error) {
	conn := s.redis.Get() // want GL006 "s.redis.Get\(\) on a redis.Pool with Wait: true \(factory.go:\d+\)"
	defer conn.Close()
	b := s.bufs.Get()
	_ = b
	return redigo.String(conn.Do("GET", key))
}

// A Wait pool stored in a struct field by key.
type queue struct {
	pool *redigo.Pool
}

func newQueue() *queue {
	return &queue{pool: &redigo.Pool{MaxActive: 5, Wait: true}}
}

func (q *queue) pop() (string, error) {
	c := q.pool.Get() // want GL006 "q.pool.Get\(\)"
	defer c.Close()
	return redigo.String(c.Do("LPOP", "q"))
}
