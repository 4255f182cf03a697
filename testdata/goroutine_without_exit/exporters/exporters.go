package exporters

import (
	"sync"
	"time"
)

type Exporter struct {
	rate time.Duration
}

func (e *Exporter) Flush() {}

// Close ends an exporter: a loop serving it should end too.
func (e *Exporter) Close() { closedExporters++ }

var (
	connectMu sync.Mutex
	exporters = map[time.Duration]*Exporter{}
)

// One exporter per rate, cached in a package-level map for the life of the process:
// its flush loop starts once per rate. Silent.
func Connect(rate time.Duration) *Exporter {
	connectMu.Lock()
	defer connectMu.Unlock()
	if exporter, found := exporters[rate]; found {
		return exporter
	}
	exporter := &Exporter{rate: rate}
	exporters[rate] = exporter
	go func() {
		t := time.NewTicker(exporter.rate)
		for range t.C {
			exporter.Flush()
		}
	}()
	return exporter
}

// The same loop without the cache: every call starts another, which outlives the
// exporter's Close.
func Start(rate time.Duration) *Exporter {
	exporter := &Exporter{rate: rate}
	go func() { // want GL011 "nothing closes `t.C` \(Stop does not\)"
		t := time.NewTicker(exporter.rate)
		for range t.C {
			exporter.Flush()
		}
	}()
	return exporter
}

var closedExporters int
