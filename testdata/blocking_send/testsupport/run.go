package testsupport

import (
	"log"
	"time"

	"example.com/testsupport/internal/worker"
)

func Handle(f func()) { worker.Soon(log.Default(), time.Second, f) }
