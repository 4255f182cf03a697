// Package shadow: a name that a shadowing declaration reuses is another variable, so
// closing it releases nothing the outer name holds.
package shadow

import "github.com/gomodule/redigo/redis"

type Index struct {
	pool    *redis.Pool
	scratch *redis.Pool
}

// The inner `conn` shadows the held one: closing it leaves the outer one held while
// reindex takes a second connection from x.pool.
func (x *Index) Refresh(keys []string) error {
	conn := x.pool.Get()
	defer conn.Close()
	for _, k := range keys {
		conn := x.scratch.Get()
		if _, err := conn.Do("DEL", k); err != nil {
			conn.Close()
			return err
		}
		conn.Close()
		if err := x.reindex(k); err != nil { // want GL007 "`Index.Refresh` holds a connection from `x.pool` \(line 15\) while `Index.reindex` takes another"
			return err
		}
	}
	return nil
}

// The outer `conn` goes to a goroutine that closes it; only the inner ones, which
// shadow it, are closed here: nothing from x.pool is held when reindex runs.
func (x *Index) Rebuild(keys []string) error {
	conn := x.pool.Get()
	go drain(conn)
	for _, k := range keys {
		conn := x.scratch.Get()
		conn.Do("DEL", k)
		conn.Close()
	}
	return x.reindex("all")
}

// Reassigned: the deferred Close releases the scratch connection, and the one from
// x.pool was closed before: nothing from x.pool is held when reindex runs.
func (x *Index) Swap(key string) error {
	conn := x.pool.Get()
	conn.Do("PING")
	conn.Close()
	conn = x.scratch.Get()
	defer conn.Close()
	return x.reindex(key)
}

func (x *Index) reindex(key string) error {
	conn := x.pool.Get()
	defer conn.Close()
	_, err := conn.Do("SADD", "index", key)
	return err
}

func drain(conn redis.Conn) {
	defer conn.Close()
	conn.Do("FLUSH")
}

// A replica index of the same method name: its reindex takes no connection.
type Replica struct{ keys []string }

func (r *Replica) reindex(key string) error {
	r.keys = append(r.keys, key)
	return nil
}

// The range variable `x` shadows the receiver: its reindex is Replica's, which takes
// nothing from a pool while the connection from x.pool is held.
func (x *Index) Mirror(key string, replicas []*Replica) error {
	conn := x.pool.Get()
	defer conn.Close()
	if _, err := conn.Do("SADD", "index", key); err != nil {
		return err
	}
	for _, x := range replicas {
		if err := x.reindex(key); err != nil {
			return err
		}
	}
	return nil
}
