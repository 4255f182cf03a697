package fixtures

import (
	"context"
	"net/http"
	"time"

	"google.golang.org/grpc"
)

type session struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *session) serve() { <-s.ctx.Done() }

// The request's context ends when ServeHTTP returns, and every child with it.
func handleWatch(w http.ResponseWriter, r *http.Request) {
	ctx, _ := context.WithCancel(r.Context())
	go watchUntilDone(ctx)
	w.WriteHeader(http.StatusAccepted)
}

func watchUntilDone(ctx context.Context) { <-ctx.Done() }

// A gRPC server stream's context ends with the RPC: kept in a field never called, the
// child still ends then.
func newSession(stream grpc.ServerStream) *session {
	ctx, cancel := context.WithCancel(context.WithValue(stream.Context(), ctxKey{}, "id"))
	return &session{ctx: ctx, cancel: cancel}
}

type ctxKey struct{}

// A deadline keeps its timer running after the work is done, and per message of a long
// stream the children pile up under the stream's context until it ends.
func relayMessages(stream grpc.ServerStream, out chan<- context.Context) error {
	for {
		var m struct{}
		if err := stream.RecvMsg(&m); err != nil {
			return err
		}
		ctx, _ := context.WithTimeout(stream.Context(), time.Minute) // want GL009 "discarded with `_`"
		out <- ctx
	}
}

// A context parameter's lifetime is not shown: the caller may hold it for the process.
func watchFor(ctx context.Context) {
	child, _ := context.WithCancel(ctx) // want GL009 "discarded with `_`"
	go watchUntilDone(child)
}

// With a deadline, a timer runs on until it fires or the request ends.
func handleLookup(w http.ResponseWriter, r *http.Request) {
	ctx, _ := context.WithTimeout(r.Context(), time.Second) // want GL009 "discarded with `_`"
	go watchUntilDone(ctx)
	w.WriteHeader(http.StatusOK)
}
