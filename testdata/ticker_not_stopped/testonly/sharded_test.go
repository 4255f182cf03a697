package cache

import (
	"testing"
	"time"
)

func TestSharded(t *testing.T) {
	j := newShardedForTests(time.Minute)
	j.stop <- true
}
