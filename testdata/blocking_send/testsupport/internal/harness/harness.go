// Package harness starts the module's services for its tests.
package harness

import (
	"testing"
	"time"

	"example.com/testsupport/internal/check"
)

func Start(t *testing.T, serve func()) {
	check.Soon(t, time.Second, serve)
}
