package relay

func fetch(key string) error {
	conn := pool.Get()
	defer conn.Close()
	_, err := conn.Do("GET", key)
	return err
}
