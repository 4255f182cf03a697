// Package hold registers channels for a resolution and sends each one only in a select
// with its quit channel.
package hold

type Registry struct {
	quit  chan struct{}
	hodls map[string]chan<- interface{}
}

func (r *Registry) NotifyExitHop(id string, hodl chan<- interface{}) error {
	r.hodls[id] = hodl
	return nil
}

func (r *Registry) resolve(id string, result interface{}) {
	select {
	case r.hodls[id] <- result:
	case <-r.quit:
	}
}
