package fixtures

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/gomodule/redigo/redis"
	amqp "github.com/rabbitmq/amqp091-go"
	"google.golang.org/grpc"
)

// Package-level variables are built once.
var (
	pool      = &redis.Pool{MaxActive: 10}
	db, _     = sql.Open("postgres", "dsn")
	transport = &http.Transport{MaxIdleConnsPerHost: 100}
)

// main and init run once, loops included.
func main() {
	conn, err := grpc.Dial("orders:443")
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	for _, addr := range []string{"a", "b"} {
		c, err := amqp.Dial(addr)
		if err != nil {
			log.Fatal(err)
		}
		defer c.Close()
	}
	http.ListenAndServe(":8080", nil)
}

func init() {
	p := &redis.Pool{MaxIdle: 3}
	_ = p
}

// Constructors return or store what they build.
type service struct {
	conn *grpc.ClientConn
	mq   *amqp.Connection
	pool *redis.Pool
}

func NewService(addr string) (*service, error) {
	conn, err := grpc.Dial(addr)
	if err != nil {
		return nil, err
	}
	mq, err := amqp.Dial("amqp://")
	if err != nil {
		return nil, err
	}
	return &service{conn: conn, mq: mq, pool: &redis.Pool{}}, nil
}

func newPool() *redis.Pool {
	return &redis.Pool{MaxIdle: 3}
}

// One client per address, kept in a slice: a fan-out set, not per iteration.
func dialAll(addrs []string) []*grpc.ClientConn {
	var conns []*grpc.ClientConn
	for _, addr := range addrs {
		conn, err := grpc.Dial(addr)
		if err != nil {
			continue
		}
		conns = append(conns, conn)
	}
	return conns
}

// A reconnect loop assigns to a variable declared outside: one live client at a time.
func (s *service) reconnect(addr string) {
	var conn *amqp.Connection
	var err error
	for {
		conn, err = amqp.Dial(addr)
		if err == nil {
			break
		}
	}
	s.mq = conn
}

// A retry loop that returns the client on success.
func dialRetry(addr string) (*grpc.ClientConn, error) {
	for i := 0; i < 3; i++ {
		conn, err := grpc.Dial(addr)
		if err == nil {
			return conn, nil
		}
	}
	return nil, nil
}
