package fixtures

func newSupervisor() *supervisor {
	failures := make(chan error, 1)
	return &supervisor{failures: failures}
}

func newOverseer() *overseer {
	faults := make(chan error)
	return &overseer{faults: faults}
}

func newOrderedReader() *orderedReader {
	return &orderedReader{rewind: make(chan struct{}, 1), nudge: make(chan struct{}, 1)}
}
