package fixtures

type stream interface {
	Recv() (string, error)
	Send(string) error
}

// The reader reports its error on errs right before it returns: the loop leaving on
// that report leaves no sender behind, but leaving on a failed Send does.
func relayStream(s stream) error {
	reqs := make(chan string, 1)
	errs := make(chan error, 1)
	go func() {
		for {
			req, err := s.Recv()
			if err != nil {
				errs <- err
				return
			}
			reqs <- req // want GL003 "send on `reqs` blocks forever once its buffer fills after the receiving loop \(line 25\) leaves at line 33;"
		}
	}()
	for {
		select {
		case req := <-reqs:
			if req == "" {
				continue
			}
		case err := <-errs:
			return err
		}
		if err := s.Send("ack"); err != nil {
			return err
		}
	}
}

// Here the report is the loop's only way out.
func drainStream(s stream) error {
	reqs := make(chan string, 1)
	errs := make(chan error, 1)
	go func() {
		for {
			req, err := s.Recv()
			if err != nil {
				errs <- err
				return
			}
			reqs <- req
		}
	}()
	for {
		select {
		case req := <-reqs:
			if req == "" {
				continue
			}
			_ = s.Send(req)
		case err := <-errs:
			return err
		}
	}
}
