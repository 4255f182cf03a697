package fixtures

import (
	"time"

	aliased "github.com/gomodule/redigo/redis"
)

func newWaitingPool() *aliased.Pool {
	return &aliased.Pool{
		MaxActive:   50,
		Wait:        true,
		IdleTimeout: time.Minute,
	}
}
