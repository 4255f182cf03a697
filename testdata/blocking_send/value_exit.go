package fixtures

import "errors"

type chunk struct {
	text string
	err  error
}

func lines(n int) []string { return make([]string, n) }

// The loop has two ways out: one taken on a received error (sent only as the producer's
// last value), the other when the consumer callback fails. The finding names the latter.
func collectChunks(n int, consume func(string) error) (string, error) {
	out := make(chan chunk)
	go func() {
		defer close(out)
		for _, l := range lines(n) {
			if l == "bad" {
				out <- chunk{err: errors.New("bad line")}
				return
			}
			out <- chunk{text: l} // want GL003 "leaves at line 32"
		}
	}()
	all := ""
	for c := range out {
		if c.err != nil {
			return "", c.err
		}
		if err := consume(c.text); err != nil {
			return "", err
		}
		all += c.text
	}
	return all, nil
}
