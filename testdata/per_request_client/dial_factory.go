package fixtures

import (
	"context"

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
