package notes

import (
	"errors"
	"net/http"
	"time"
)

// Each runs f once per index, a few at a time: it calls f only in its counted loop.
func each(f func(int) error, count int) error {
	errs := make(chan error, count)
	for i := 0; i < count; i++ {
		go func(i int) { errs <- f(i) }(i)
	}
	var failed error
	for i := 0; i < count; i++ {
		if err := <-errs; err != nil {
			failed = err
		}
	}
	return failed
}

// forever runs f again and again, with no bound on the runs.
func forever(f func(int) error, failed func(error)) {
	for i := 0; ; i++ {
		if err := f(i); err != nil {
			failed(err)
		}
		time.Sleep(time.Second)
	}
}

// Mirrored checks each mirror once through each, which the runner calls once per run of
// the process: one response per mirror at most (low).
func Mirrored(mirrors []string) error {
	return each(func(i int) error { return check(mirrors[i]) }, len(mirrors))
}

func check(url string) error {
	resp, err := http.Get(url) // want GL008:low "not when the function returns"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// Watched checks a mirror forever: one left open per failing check (shown).
func Watched(mirror string, failed func(error)) {
	forever(func(int) error { return watch(mirror) }, failed)
}

func watch(url string) error {
	resp, err := http.Get(url) // want GL008 "not when the function returns"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}
