package fixtures

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// A transport built on every call of an unexported function whose only calls run an
// hour or more apart: the server has closed one call's idle connection long before the
// next call builds a pool.

const reportEvery = 24 * time.Hour

type reporter struct {
	url    string
	forced chan struct{}
}

func (r *reporter) send(ctx context.Context) error {
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
	req, err := http.NewRequestWithContext(ctx, "POST", r.url, strings.NewReader("{}"))
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// A daily timer, re-armed in the case that sends (another case may fire it at once).
func (r *reporter) serve(ctx context.Context) error {
	t := time.NewTimer(time.Minute)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-r.forced:
			t.Reset(0)
		case <-t.C:
			_ = r.send(ctx)
			t.Reset(24 * time.Hour)
		}
	}
}

func sendHourly(url string) {
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

// An hourly ticker, through a constant of the file.
func pollHourly(ctx context.Context, url string) {
	ticker := time.NewTicker(reportEvery / 24)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			sendHourly(url)
		}
	}
}

func sendOften(url string) {
	client := &http.Client{Transport: &http.Transport{}} // want GL005 "every call of `sendOften`"
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

// Ten seconds apart: the idle pools pile up until the server closes them.
func pollOften(ctx context.Context, url string) {
	t := time.NewTimer(0)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			sendOften(url)
			t.Reset(10 * time.Second)
		}
	}
}

func sendDaily(url string) {
	client := &http.Client{Transport: &http.Transport{}} // want GL005 "every call of `sendDaily`"
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

// A daily ticker, but another call runs on every request.
func pollDaily(ctx context.Context, url string) {
	ticker := time.NewTicker(24 * time.Hour)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			sendDaily(url)
		}
	}
}

func handleSend(w http.ResponseWriter, r *http.Request) {
	sendDaily(r.URL.Query().Get("to"))
}

// Exported: callers outside the package may call it on every request.
func SendReport(url string) {
	client := &http.Client{Transport: &http.Transport{}} // want GL005 "every call of `SendReport`"
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

func pollExported(ctx context.Context, url string) {
	ticker := time.NewTicker(24 * time.Hour)
	defer ticker.Stop()
	for range ticker.C {
		SendReport(url)
	}
}

func sendLater(url string) {
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

// Waits six hours between calls.
func pollLater(ctx context.Context, url string) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(6 * time.Hour):
			sendLater(url)
		}
	}
}

func sendSoon(url string) {
	client := &http.Client{Transport: &http.Transport{}} // want GL005 "every call of `sendSoon`"
	resp, err := client.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

func pollSoon(ctx context.Context, url string) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
			sendSoon(url)
		}
	}
}

// An update check whose only caller loops with an hour's sleep on every turn that runs
// it: each call's pool has lost its idle connection before the next call.
type updater struct{ url string }

func (u *updater) download(ctx context.Context) error {
	client := http.Client{Timeout: 10 * time.Minute, Transport: &http.Transport{ // want GL005:low "on every call of `updater.download`"
		TLSHandshakeTimeout: 30 * time.Second,
	}}
	req, err := http.NewRequestWithContext(ctx, "GET", u.url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (u *updater) tryUpdate(ctx context.Context) error {
	return u.download(ctx)
}

func (u *updater) autoUpdate(ctx context.Context, busy func() bool) {
	for {
		if busy() {
			time.Sleep(time.Minute)
			continue // skips the update, and its hour
		}
		_ = u.tryUpdate(ctx)
		time.Sleep(time.Hour)
	}
}

// The same every minute: the pools pile up faster than servers close them.
type poller struct{ url string }

func (p *poller) fetch(ctx context.Context) error {
	client := http.Client{Transport: &http.Transport{TLSHandshakeTimeout: 30 * time.Second}} // want GL005 "on every call of `poller.fetch`"
	req, err := http.NewRequestWithContext(ctx, "GET", p.url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *poller) run(ctx context.Context) {
	for {
		_ = p.fetch(ctx)
		time.Sleep(time.Minute)
	}
}

// A continue between the call and the hour's sleep: some turns run it again at once.
type retrier struct{ url string }

func (r *retrier) fetch(ctx context.Context) error {
	client := http.Client{Transport: &http.Transport{TLSHandshakeTimeout: 30 * time.Second}} // want GL005 "on every call of `retrier.fetch`"
	req, err := http.NewRequestWithContext(ctx, "GET", r.url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (r *retrier) run(ctx context.Context) {
	for {
		if err := r.fetch(ctx); err != nil {
			continue
		}
		time.Sleep(2 * time.Hour)
	}
}
