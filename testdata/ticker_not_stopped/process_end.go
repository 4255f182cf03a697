package fixtures

import (
	"log"
	"os"
	"time"
)

// The profiler returns only on error, and its one caller then panics: the ticker
// dies with the process.
func StartBlockProfiler() {
	go func() {
		err := saveBlockProfiles() // only returns on error
		log.Println("block profiler failed:", err)
		panic("block profiler failed")
	}()
}

func saveBlockProfiles() error {
	for range time.NewTicker(20 * time.Second).C {
		if _, err := os.Create("block.pprof"); err != nil {
			return err
		}
	}
	return nil
}

// A caller that goes on after it returns: the ticker outlives the call.
func saveHeapProfiles() error {
	for range time.NewTicker(20 * time.Second).C { // want GL010:low "a ticker never bound to a name can never be stopped"
		if _, err := os.Create("heap.pprof"); err != nil {
			return err
		}
	}
	return nil
}

func StartHeapProfiler() {
	go func() {
		err := saveHeapProfiles()
		log.Println("heap profiler failed:", err)
	}()
}

// A deferred recover catches the panic: the process goes on.
func pollDisk() error {
	tick := time.NewTicker(time.Second) // want GL010:low "ticker `tick` from time.NewTicker is never stopped"
	for range tick.C {
		if _, err := os.Stat("/"); err != nil {
			return err
		}
	}
	return nil
}

func StartDiskPoller() {
	go func() {
		defer func() { _ = recover() }()
		err := pollDisk()
		panic(err)
	}()
}

// staticcheck's SA1015 reports the same leak: its //nolint is the author's decision.
func reviewedTick(done <-chan struct{}) {
	tick := time.Tick(time.Second) //nolint:staticcheck // SA1015 reviewed
	select {
	case <-tick:
	case <-done:
	}
}

func otherLinterTick(done <-chan struct{}) {
	tick := time.Tick(time.Second) //nolint:errcheck // want GL010:low "time.Tick's ticker can never be stopped"
	select {
	case <-tick:
	case <-done:
	}
}
