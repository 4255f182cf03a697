package messages_test

import (
	"context"
	"testing"

	"github.com/gomodule/redigo/redis"
)

var pool = &redis.Pool{}

// An external test package is another package: its `message` is not messages.message.
func TestList(t *testing.T) {
	conn := pool.Get()
	defer conn.Close()
	message(context.Background(), "1")
}

func message(ctx context.Context, id string) {}
