package dbutil

import "errors"

// Conflict is a driver error the callers can test.
type Conflict struct {
	err  error
	Code string
}

func (c *Conflict) Error() string { return c.err.Error() }

type coded interface{ SQLState() string }

// AsConflict is nil unless err is a driver error.
func AsConflict(err error) *Conflict {
	var c coded
	if errors.As(err, &c) {
		return &Conflict{err: err, Code: c.SQLState()}
	}
	return nil
}

// Describe wraps any error, nil included.
func Describe(err error) *Conflict {
	return &Conflict{err: err}
}
