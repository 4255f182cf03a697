package fixtures

import (
	"context"
	"sync"

	"google.golang.org/grpc"
)

type peers struct {
	target string
	conns  map[string]*grpc.ClientConn
}

// Dials a new connection on every call.
func (p *peers) dial(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithInsecure()) // want GL005:low "`grpc.DialContext` makes a new connection pool on every call of `peers.dial`; `peers.ask` drops it unclosed: build it once and share it"
}

// Uses the connection for one call and drops it: each call leaves a connection open.
func (p *peers) ask(ctx context.Context, addr string) error {
	conn, err := p.dial(ctx, addr)
	if err != nil {
		return err
	}
	return conn.Invoke(ctx, "/svc/Ask", nil, nil)
}

// Dials too, but its only caller keeps the connection: one per peer.
func (p *peers) connect(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithInsecure())
}

func (p *peers) remember(ctx context.Context, addr string) error {
	conn, err := p.connect(ctx, addr)
	if err != nil {
		return err
	}
	p.conns[addr] = conn
	return nil
}

// Dials for a caller that closes what it gets.
func (p *peers) open(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithInsecure())
}

func (p *peers) probe(ctx context.Context, addr string) error {
	conn, err := p.open(ctx, addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Invoke(ctx, "/svc/Probe", nil, nil)
}

func retry(attempt func() error) error { return attempt() }

// Dials for a caller that assigns the connection inside a retry callback, to a
// variable of its own, and then keeps it: one per peer.
func (p *peers) reach(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithInsecure())
}

func (p *peers) join(ctx context.Context, addr string) error {
	var conn *grpc.ClientConn
	if err := retry(func() error {
		var err error
		conn, err = p.reach(ctx, addr)
		return err
	}); err != nil {
		return err
	}
	p.conns[addr] = conn
	return nil
}

// The same callback, but the caller uses the connection once and drops it.
func (p *peers) redial(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithInsecure()) // want GL005:low "`peers.poke` drops it unclosed"
}

func (p *peers) poke(ctx context.Context, addr string) error {
	var conn *grpc.ClientConn
	if err := retry(func() error {
		var err error
		conn, err = p.redial(ctx, addr)
		return err
	}); err != nil {
		return err
	}
	return conn.Invoke(ctx, "/svc/Poke", nil, nil)
}

// Dials for a caller that starts a goroutine per peer, each dialling its own
// connection, using it for one request and dropping it.
func (p *peers) fanDial(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithInsecure()) // want GL005:low "`peers.broadcast` drops it unclosed"
}

func (p *peers) broadcast(ctx context.Context, addrs []string) {
	var wg sync.WaitGroup
	for _, addr := range addrs {
		wg.Add(1)
		go func(addr string) {
			defer wg.Done()
			conn, err := p.fanDial(ctx, addr)
			if err != nil {
				return
			}
			var replies []string
			if err := conn.Invoke(ctx, "/svc/Notify", nil, &replies); err != nil {
				return
			}
			for _, r := range replies {
				if r == "" {
					return
				}
			}
		}(addr)
	}
	wg.Wait()
}

// Dials for a goroutine that uses its connection for every request it receives.
func (p *peers) streamDial(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithInsecure())
}

func (p *peers) forward(ctx context.Context, addr string, requests <-chan string) {
	go func() {
		conn, err := p.streamDial(ctx, addr)
		if err != nil {
			return
		}
		for req := range requests {
			_ = conn.Invoke(ctx, "/svc/Forward", req, nil)
		}
	}()
}

// Dials before the goroutine it hands the connection to, which keeps it.
func (p *peers) keepDial(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithInsecure())
}

func (p *peers) serveOn(ctx context.Context, addr string, requests <-chan string) error {
	conn, err := p.keepDial(ctx, addr)
	if err != nil {
		return err
	}
	go func() {
		for req := range requests {
			_ = conn.Invoke(ctx, "/svc/Forward", req, nil)
		}
	}()
	return nil
}
