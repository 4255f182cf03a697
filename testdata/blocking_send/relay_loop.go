package fixtures

import "context"

func (r *relay) loop(ctx context.Context) {
	for {
		select {
		case s := <-r.out:
			_ = s
		case <-ctx.Done():
			return
		}
	}
}
