package relay

import "github.com/gomodule/redigo/redis"

var pool = &redis.Pool{MaxActive: 8, Wait: true}

func Forward(key string) error {
	conn := pool.Get()
	defer conn.Close()
	return relay(key) // todo GL007 the middle of the chain is in a file with no acquisition words, never parsed
}

// `message` of the messages folder takes from its own `pool`: another package, silent.
func Lookup(id string) error {
	conn := pool.Get()
	defer conn.Close()
	return message(id)
}

func message(id string) error { return nil }
