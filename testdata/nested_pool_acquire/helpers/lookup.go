package helpers

// The helper that takes the second connection is in cache.go.
func (c *Cache) Lookup(key string) (string, error) {
	conn := c.pool.Get()
	defer conn.Close()
	if _, err := conn.Do("PING"); err != nil {
		return "", err
	}
	return c.Get(key) // want GL007 "`Cache.Lookup` holds a connection from `c.pool` \(line 5\) while `Get` → `conn` takes another \(`c.pool.Get`, cache.go:17\)"
}
