package fixtures

import "errors"

func copyPart(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	return nil
}

func listExtra() ([]int, error) { return nil, nil }

// The first loop gives up when nothing is ready; the last one receives every
// remaining result: the first loop ending strands no sender.
func copyAll(parts []int) error {
	results := make(chan error)
	pending := 0
	for _, p := range parts {
		pending++
		go func(p int) {
			results <- copyPart(p)
		}(p)
	}
	done := false
	for !done && pending > 0 {
		select {
		case err := <-results:
			pending--
			if err != nil {
				done = true
			}
		default:
			done = true
		}
	}
	for pending > 0 {
		<-results
		pending--
	}
	return nil
}

// The same, with a return between the loops: that return skips the last receive.
func copyAllListed(parts []int) error {
	results := make(chan error)
	pending := 0
	for _, p := range parts {
		pending++
		go func(p int) {
			results <- copyPart(p) // want GL003 "is skipped by the return at line"
		}(p)
	}
	done := false
	for !done && pending > 0 {
		select {
		case err := <-results:
			pending--
			if err != nil {
				done = true
			}
		default:
			done = true
		}
	}
	if _, err := listExtra(); err != nil {
		return err
	}
	for pending > 0 {
		<-results
		pending--
	}
	return nil
}

// Without the last loop the first one ending strands the senders.
func copySome(parts []int) error {
	results := make(chan error)
	pending := 0
	for _, p := range parts {
		pending++
		go func(p int) {
			results <- copyPart(p) // want GL003 "blocks forever if the loop at line"
		}(p)
	}
	done := false
	for !done && pending > 0 {
		select {
		case err := <-results:
			pending--
			if err != nil {
				done = true
			}
		default:
			done = true
		}
	}
	return nil
}
