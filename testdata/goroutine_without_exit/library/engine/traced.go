package engine

import "context"

// RunTraced passes Background for Traced's parameter; the `ctx` of the loop is each
// item's, another variable: the parameter is neither rebound nor compared.
func (e *Engine) RunTraced() { e.Traced(context.Background(), nil) }

func (e *Engine) Traced(ctx context.Context, items []context.Context) {
	go func() { // want GL011 "passes context.Background\(\), (which is )?never done"
		<-ctx.Done()
		close(e.cancelled)
	}()
	for _, item := range items {
		ctx := item
		if ctx.Done() != nil {
			close(e.cancelled)
		}
	}
}
