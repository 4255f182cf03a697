package fixtures

import "context"

// scope is not the context package: its WithCancel hands out a context and a
// closer that the scope itself calls when it ends.
type scope struct{}

func (scope) WithCancel(parent context.Context) (context.Context, func()) {
	return parent, func() {}
}

// A parameter named context shadows the package (parameter types are read outside
// the function body, so `parent context.Context` is still the package's type).
func localNamedContext(parent context.Context, context scope) error {
	ctx, _ := context.WithCancel(parent)
	return ctx.Err()
}
