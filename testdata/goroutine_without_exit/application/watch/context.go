package watch

import "context"

func follow(ctx context.Context, done func()) {
	go func() { // want GL011:low "passes context.TODO\(\)"
		<-ctx.Done()
		done()
	}()
}

// Follow is an application's function: its code shows no second call.
func Follow(done func()) { follow(context.TODO(), done) }

var _ = Follow
