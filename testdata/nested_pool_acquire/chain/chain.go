// Package chain: a deep call chain with long names; the message keeps the first and
// last steps so that it stays one short sentence.
package chain

import "github.com/gomodule/redigo/redis"

type SubscriptionRegistry struct {
	connections *redis.Pool
}

func (r *SubscriptionRegistry) RefreshAllSubscriptions(topics []string) error {
	conn := r.connections.Get()
	defer conn.Close()
	if _, err := conn.Do("PING"); err != nil {
		return err
	}
	return r.refreshTopicSubscriptions(topics) // want GL007 "^holds a connection from `r.connections` \(line 12\) while `storeSubscriber` takes another \(line 34\); pass it down or release it first$"
}

func (r *SubscriptionRegistry) refreshTopicSubscriptions(topics []string) error {
	for _, topic := range topics {
		if err := r.refreshSubscribers(topic); err != nil {
			return err
		}
	}
	return nil
}

func (r *SubscriptionRegistry) refreshSubscribers(topic string) error {
	return r.storeSubscriber(topic, "all")
}

func (r *SubscriptionRegistry) storeSubscriber(topic, subscriber string) error {
	conn := r.connections.Get()
	defer conn.Close()
	_, err := conn.Do("SADD", "subscribers:"+topic, subscriber)
	return err
}

// The same chain with shorter names: only its middle is left out.
type Registry struct {
	pool *redis.Pool
}

func (r *Registry) RefreshAll(topics []string) error {
	conn := r.pool.Get()
	defer conn.Close()
	return r.refreshTopics(topics) // want GL007 "^holds a connection from `r.pool` \(line 46\) while `refreshTopics` → … → `storeSubscriber` takes another \(`r.pool.Get`, line 63\); pass it down or release it first$"
}

func (r *Registry) refreshTopics(topics []string) error {
	for _, topic := range topics {
		if err := r.refreshSubscribers(topic); err != nil {
			return err
		}
	}
	return nil
}

func (r *Registry) refreshSubscribers(topic string) error { return r.storeSubscriber(topic) }

func (r *Registry) storeSubscriber(topic string) error {
	conn := r.pool.Get()
	defer conn.Close()
	_, err := conn.Do("SADD", "subscribers:"+topic, "all")
	return err
}
