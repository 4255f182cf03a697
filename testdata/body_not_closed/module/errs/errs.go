// Package errs classifies the errors of the module's requests.
package errs

import "errors"

// ErrMissing is what a lookup of nothing returns.
var ErrMissing = errors.New("missing")

// IsMissing holds only for an error.
func IsMissing(err error) bool {
	return err != nil && errors.Is(err, ErrMissing)
}

// Retryable holds for no error too.
func Retryable(err error) bool {
	return err == nil || !errors.Is(err, ErrMissing)
}
