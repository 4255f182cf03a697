package fixtures

import (
	"context"
	"time"

	"github.com/stretchr/testify/suite"
)

// The methods of a testify suite run inside a test.
type clientSuite struct {
	suite.Suite
	addr string
}

func (s *clientSuite) SimpleCtx() context.Context {
	ctx, _ := context.WithTimeout(context.TODO(), 2*time.Second)
	return ctx
}
