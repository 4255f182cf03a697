package fixtures

import (
	"context"
	"database/sql"

	redigo "github.com/gomodule/redigo/redis"
	"github.com/jmoiron/sqlx"
	"github.com/segmentio/kafka-go"
	"go.mongodb.org/mongo-driver/mongo"
	rpc "google.golang.org/grpc"
)

type job struct{ addr, dsn string }

// Aliased import: rpc is google.golang.org/grpc.
func process(ctx context.Context, jobs []job) {
	for _, j := range jobs {
		conn, err := rpc.Dial(j.addr) // want GL005 "`rpc.Dial` creates a client on every iteration of the loop at line 18 and never closes it; close it when the iteration is done with it"
		if err != nil {
			continue
		}
		_ = conn
	}
}

// Each job names its own database: one client per target, closed, is the right shape.
func consume(ctx context.Context, queue <-chan job) {
	for j := range queue {
		db, err := sqlx.Connect("postgres", j.dsn)
		if err != nil {
			continue
		}
		db.Close()
	}
}

// The same database on every turn: the client can be built once.
func consumeOne(ctx context.Context, queue <-chan job, dsn string) {
	for range queue {
		db, err := sqlx.Connect("postgres", dsn) // want GL005:low "creates and closes a client on every iteration of the loop at line 40; build it once before the loop and reuse it"
		if err != nil {
			continue
		}
		db.Close()
	}
}

// Each address is dialled once and dropped open: the advice is to close it.
func probeAll(addrs []string) {
	for _, addr := range addrs {
		conn, err := rpc.Dial(addr) // want GL005 "close it when the iteration is done with it"
		if err == nil {
			conn.Connect()
		}
	}
}

func poll(ctx context.Context) {
	for {
		w := kafka.NewWriter(kafka.WriterConfig{}) // want GL005 "`kafka.NewWriter`"
		w.WriteMessages(ctx)
		client, _ := mongo.Connect(ctx) // want GL005:low "`mongo.Connect`"
		defer client.Disconnect(ctx)
		p := &redigo.Pool{MaxIdle: 1} // want GL005 "`redigo.Pool\{...\}`"
		p.Get().Close()
	}
}

// Opening in a loop and keeping the handle in a map is a registry.
func openShards(dsns map[string]string) map[string]*sql.DB {
	shards := map[string]*sql.DB{}
	for name, dsn := range dsns {
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			continue
		}
		shards[name] = db
	}
	return shards
}

// Sent to another goroutine: kept.
func feed(out chan<- *sql.DB, dsns []string) {
	for _, dsn := range dsns {
		db, _ := sql.Open("postgres", dsn)
		out <- db
	}
}
