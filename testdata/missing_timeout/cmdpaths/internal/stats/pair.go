package stats

import (
	"net/http"
	"sync"
)

// Compare reads two pods at once and waits for both: called only from podctl's compare
// command.
func Compare(a, b string) (int, int, error) {
	return both[int](func() (int, error) {
		return status("http://" + a + "/stats")
	}, func() (int, error) {
		return status("http://" + b + "/stats")
	})
}

func status(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func both[T any](f1, f2 func() (T, error)) (T, T, error) {
	var out1, out2 T
	var err1, err2 error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		out1, err1 = f1()
	}()
	go func() {
		defer wg.Done()
		out2, err2 = f2()
	}()
	wg.Wait()
	if err1 != nil {
		return out1, out2, err1
	}
	return out1, out2, err2
}

// Warm starts a read that nobody waits for: a stall there is nobody's to see.
func Warm(a string) {
	later[int](func() (int, error) {
		resp, err := http.Get("http://" + a + "/warm") // want GL006 "http.Get uses http.DefaultClient"
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		return resp.StatusCode, nil
	})
}

func later[T any](f func() (T, error)) {
	go func() {
		_, _ = f()
	}()
}
