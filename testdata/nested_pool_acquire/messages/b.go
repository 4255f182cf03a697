package messages

import (
	"context"

	"github.com/gomodule/redigo/redis"
)

func message(ctx context.Context, id string) (Message, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil {
		return Message{}, err
	}
	defer conn.Close()
	return messageWith(conn, id)
}

func messageWith(conn redis.Conn, id string) (Message, error) {
	body, err := redis.String(conn.Do("GET", "message:"+id))
	return Message{ID: id, Body: body}, err
}

func countAll(keys []string) (int, error) {
	total := 0
	for _, k := range keys {
		n, err := countOne(k)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func countOne(key string) (int, error) {
	conn := pool.Get()
	defer conn.Close()
	return redis.Int(conn.Do("LLEN", key))
}

// The held connection comes from a helper that returns pool.Get().
func conn() redis.Conn {
	return pool.Get()
}

func viaHelper(id string) (Message, error) {
	c := conn()
	defer c.Close()
	return message(context.Background(), id) // want GL007 "^`viaHelper` holds a connection from `pool` \(line 47\) while `message` takes another \(`pool.GetContext`, line 10\)
}
