package fixtures

import "time"

// EitherOf keeps the first error; the other goroutine is left with its value.
func EitherOf(f, g func() error) error {
	select {
	case err := <-launch(f):
		return err
	case err := <-launch(g):
		return err
	}
}

func AwaitWithin(f func() error, d time.Duration) error {
	done := await(f)
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		return errSlow
	}
}
