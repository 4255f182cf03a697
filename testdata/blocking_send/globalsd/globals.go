package globalsd

// The process's shared parts, held in a variable of an anonymous struct type: the type
// of state.bus and of state.pool is stated by its fields.
var state struct {
	bus     *bus
	pool    *pool
	closing bool
}

func setup() {
	state.bus = newBus()
	state.pool = newPool()
	go state.bus.run()
}
