package relay

func relay(key string) error {
	return fetch(key)
}
