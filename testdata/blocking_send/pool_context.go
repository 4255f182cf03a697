package fixtures

import (
	"context"

	"example.com/routines"
)

// A store whose saver runs in a pool of another package, on the context that pool
// hands it: the pool ends it, as a rule when the process shuts down, and whether a
// save is left blocked then rests on what the code does not show (low).
type saveStore struct {
	saves chan []byte
}

func newSaveStore(pool *routines.Pool) *saveStore {
	s := &saveStore{saves: make(chan []byte)}
	pool.GoCtx(func(ctx context.Context) {
		for {
			select {
			case <-ctx.Done():
				return
			case data := <-s.saves:
				_ = data
			}
		}
	})
	return s
}

func (s *saveStore) Save(data []byte) {
	s.saves <- data // want GL003:low
}

// The same through a method the pool's literal calls with a context derived from the
// one it was handed (low).
type certWatcher struct {
	configs chan string
}

func (w *certWatcher) Provide(pool *routines.Pool) {
	pool.GoCtx(func(ctx context.Context) {
		w.watch(context.WithValue(ctx, ctxKey{}, "certs"))
	})
}

type ctxKey struct{}

func (w *certWatcher) watch(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-w.configs:
			_ = c
		}
	}
}

func (w *certWatcher) Update(c string) {
	w.configs <- c // want GL003:low
}

// A worker the type starts itself, on a context whose cancel its Stop calls: the code
// shows it ends, and a sender left then blocks. Shown.
type flusher struct {
	batches chan []byte
	cancel  context.CancelFunc
}

func (f *flusher) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	go f.run(ctx)
}

func (f *flusher) Stop() { f.cancel() }

func (f *flusher) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case b := <-f.batches:
			_ = b
		}
	}
}

func (f *flusher) Add(b []byte) {
	f.batches <- b // want GL003
}
