package control

import "context"

func serve(ctx context.Context) *control {
	return newControl(ctx)
}

func jobs(ctx context.Context, next func() bool) {
	for next() {
		jctx, cancel := context.WithCancel(ctx)
		w := newWorker(jctx)
		w.report(1)
		cancel()
	}
}
