package fixtures

type row struct{ id int }

// The loop polls for the producer's error and leaves on its own once the rows run
// out: when the producer sends its error after that, nothing receives it.
func consumeRows(produce func(chan<- *row) error, apply func(*row)) error {
	errc := make(chan error)
	rows := make(chan *row)
	go func() {
		errc <- produce(rows) // want GL003 "send on unbuffered `errc` blocks forever if the loop at line \d+ ends before its receive \(line \d+\) takes it; buffer it"
	}()
	for {
		select {
		case err := <-errc:
			return err
		default:
		}
		r, ok := <-rows
		if !ok {
			break
		}
		apply(r)
	}
	return nil
}

// Leaves only after the receiving case has taken the error: nothing is left blocked.
func consumeUntilError(produce func(chan<- *row) error, apply func(*row)) error {
	errc := make(chan error)
	rows := make(chan *row)
	go func() {
		errc <- produce(rows)
	}()
	var failed error
	got := false
	for {
		select {
		case failed = <-errc:
			got = true
		default:
		}
		if got {
			break
		}
		if r, ok := <-rows; ok {
			apply(r)
		}
	}
	return failed
}
