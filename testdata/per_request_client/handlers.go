package fixtures

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"cloud.google.com/go/pubsub"
	"cloud.google.com/go/storage"
	"github.com/avast/retry-go"
	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "example.com/api/orders"
)

// The incident: a Cloud client (gRPC underneath) built for every request.
func publish(w http.ResponseWriter, r *http.Request) {
	client, err := pubsub.NewClient(r.Context(), "project") // want GL005 "`pubsub.NewClient` creates a client on every request in handler `publish` and never closes it"
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	client.Topic("events").Publish(r.Context(), nil)
}

// Closed: nothing leaks; still a dial per request, whose cost rests on the rate: low.
func upload(w http.ResponseWriter, r *http.Request) {
	client, err := storage.NewClient(r.Context()) // want GL005:low "creates and closes a client per request in handler `upload`"
	if err != nil {
		return
	}
	defer client.Close()
	_ = client.Bucket("b")
}

func lookup(w http.ResponseWriter, r *http.Request) {
	conn, err := grpc.Dial("orders:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want GL005 "`grpc.Dial`"
	if err != nil {
		return
	}
	_ = pb.NewOrdersClient(conn)
}

// A gin handler.
func cart(c *gin.Context) {
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"}) // want GL005 "handler `cart`"
	rdb.Get(c, "cart")
}

// A handler written as a function literal.
func routes(mux *http.ServeMux) {
	mux.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		db, err := sql.Open("postgres", "dsn") // want GL005:low "the handler literal at line \d+"
		if err != nil {
			return
		}
		defer db.Close()
		db.QueryRowContext(r.Context(), "select 1")
	})
}

// An http.Client with its own Transport per request: the transport's idle
// connections (and their goroutines) are never reused.
func proxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}} // want GL005 "`http.Transport\{...\}` makes a new connection pool on every request"
	resp, err := client.Get("http://backend/")
	if err == nil {
		resp.Body.Close()
	}
}

// A transport per request that turns keep-alives off (its dialer pins this request's
// target): it keeps no connection, and a shared one would reuse none either.
func pinned(w http.ResponseWriter, r *http.Request) {
	transport := &http.Transport{DisableKeepAlives: true}
	defer transport.CloseIdleConnections()
	resp, err := transport.RoundTrip(r)
	if err == nil {
		resp.Body.Close()
	}
}

func pinnedLater(w http.ResponseWriter, r *http.Request) {
	transport := &http.Transport{}
	transport.DisableKeepAlives = true
	resp, err := (&http.Client{Transport: transport}).Get("http://backend/")
	if err == nil {
		resp.Body.Close()
	}
}

// A short idle timeout still lets a shared transport reuse its connections: shown.
func shortIdle(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{IdleConnTimeout: 1e9}} // want GL005 "makes a new connection pool on every request"
	resp, err := client.Get("http://backend/")
	if err == nil {
		resp.Body.Close()
	}
}

// An http.Client on http.DefaultTransport shares its pool: cheap, silent.
func forward(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 5}
	resp, err := client.Get("http://backend/")
	if err == nil {
		resp.Body.Close()
	}
}

// A gRPC server method is a handler too.
type ordersServer struct {
	pb.UnimplementedOrdersServer
	db *sql.DB
}

func (s *ordersServer) GetOrder(ctx context.Context, req *pb.GetOrderRequest) (*pb.GetOrderResponse, error) {
	conn, err := grpc.DialContext(ctx, "inventory:443") // want GL005:low "handler `ordersServer.GetOrder`"
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return &pb.GetOrderResponse{}, nil
}

// Lazy initialisation into a field: built once, kept.
type lazy struct {
	rdb *redis.Client
}

func (l *lazy) serve(w http.ResponseWriter, r *http.Request) {
	if l.rdb == nil {
		l.rdb = redis.NewClient(&redis.Options{})
	}
	l.rdb.Get(r.Context(), "k")
}

// Built under sync.Once inside the handler: once.
var (
	sharedOnce sync.Once
	shared     *redis.Client
)

func onceHandler(w http.ResponseWriter, r *http.Request) {
	sharedOnce.Do(func() {
		shared = redis.NewClient(&redis.Options{})
	})
	shared.Get(r.Context(), "k")
}

// Assigned to a package variable from a handler: kept (a cache, racy or not).
var cached *redis.Client

func cacheHandler(w http.ResponseWriter, r *http.Request) {
	if cached == nil {
		cached = redis.NewClient(&redis.Options{})
	}
}

// A handler-looking function that hands the client back is a factory.
func clientFor(r *http.Request) (*redis.Client, error) {
	return redis.NewClient(&redis.Options{Addr: r.Host}), nil
}

// Stored in a map for later requests.
var perTenant = map[string]*redis.Client{}

func tenant(w http.ResponseWriter, r *http.Request) {
	c := redis.NewClient(&redis.Options{})
	perTenant[r.Host] = c
}

// A goroutine started by the handler still runs per request.
func background(w http.ResponseWriter, r *http.Request) {
	go func() {
		conn, err := grpc.Dial("audit:443") // want GL005 "handler `background`"
		if err == nil {
			_ = conn
		}
	}()
}

// The construction hides behind a helper the handler calls: reported at the helper.
func dialAudit() (*grpc.ClientConn, error) {
	return grpc.Dial("audit:443") // want GL005 "`grpc.Dial` makes a new connection pool on every call of `dialAudit`; `viaHelper` uses it for one request and drops it, never closed: build it once and share it"
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	conn, _ := dialAudit()
	_ = conn
}

// Handed to the receiver, which keeps it: an admin endpoint that adds a backend.
type registry struct {
	backends map[string]*grpc.ClientConn
}

func (g *registry) add(name string, conn *grpc.ClientConn) { g.backends[name] = conn }

func (g *registry) connect(w http.ResponseWriter, r *http.Request) {
	conn, err := grpc.Dial(r.FormValue("addr"))
	if err != nil {
		return
	}
	g.add(r.FormValue("name"), conn)
}

// A retry helper runs its function on every request: not a sync.Once.
func retried(w http.ResponseWriter, r *http.Request) {
	retry.Do(func() error {
		conn, err := grpc.Dial("flaky:443") // want GL005:low "handler `retried`"
		if err != nil {
			return err
		}
		return conn.Close()
	})
}

// The once's name says what it is, even on a field.
type lazyConn struct {
	initOnce sync.Once
	conn     *grpc.ClientConn
}

func (l *lazyConn) serve(w http.ResponseWriter, r *http.Request) {
	l.initOnce.Do(func() {
		conn, err := grpc.Dial("backend:443")
		if err == nil {
			l.conn = conn
		}
	})
}

func (g *registry) connectInline(w http.ResponseWriter, r *http.Request) {
	g.addTransport(&http.Transport{MaxIdleConns: 1})
}

func (g *registry) addTransport(t *http.Transport) {}

type retryTransport struct{ insecure bool }

// A RoundTripper that builds a Transport per round trip: per request, but not a handler.
func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	inner := http.Transport{ // want GL005 "`http.Transport{...}` makes a connection pool per request in `retryTransport.RoundTrip` \(it takes a \*http.Request\), never closed"
		Proxy: http.ProxyFromEnvironment,
	}
	return inner.RoundTrip(req)
}
