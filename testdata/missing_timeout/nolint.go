package fixtures

import "net/http"

// A //nolint naming a peer linter that reports the same problem is the author's
// decision about this finding too: noctx reports http.Get and Client.Get & co, gosec
// (G112, G114) servers without timeouts.
func reviewedGet(url string) (*http.Response, error) {
	return http.Get(url) //nolint:noctx,gosec // the maintainers kept it
}

func reviewedClientGet(url string) (*http.Response, error) {
	//nolint:noctx // on the line above
	return http.DefaultClient.Get(url)
}

func reviewedServe(addr string, h http.Handler) error {
	return http.ListenAndServe(addr, h) //nolint:gosec // G114 reviewed
}

func reviewedServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h} //nolint:gosec // G112 reviewed
}

// A peer that does not report the problem decides nothing about it. (A directive
// covers its own line and the next, hence the blank lines.)
func otherPeers(url, addr string, h http.Handler) {
	req, _ := http.NewRequest("GET", url, nil)

	http.Get(url) //nolint:gosec // want GL006 "http.Get uses http.DefaultClient"

	http.ListenAndServe(addr, h) //nolint:noctx // want GL006 "http.ListenAndServe runs an http.Server"

	_ = &http.Client{} //nolint:noctx,gosec // want GL006 "http.Client without Timeout"

	http.DefaultClient.Do(req) //nolint:noctx // want GL006 "DefaultClient.Do uses"

	http.Get(url) //nolint:errcheck // want GL006 "http.Get uses"

	_ = &http.Server{Addr: addr} //nolint:noctx // want GL006 "http.Server without ReadHeaderTimeout"

	http.Head(url) //nolint // bare: every linter
}

// golangci-lint also reads its directive with spaces: after the slashes, after the
// colon and around the commas.
func spacedDirectives(addr string, h http.Handler) {
	go func() {
		// nolint: gosec
		panic(http.ListenAndServe(addr, h))
	}()
	go func() {
		_ = http.ListenAndServe(addr, h) //nolint:noctx, gosec // G114 reviewed
	}()
	go func() {
		// nolint: noctx
		panic(http.ListenAndServe(addr, h)) // want GL006 "http.ListenAndServe runs an http.Server"
	}()
}

// gosec's own marker, #nosec: bare it silences every gosec rule on the line, so the
// server findings too; with rule IDs only those rules (G112: server literals, G114:
// the serve functions), written before an optional "-- justification".
func nosecMarkers(addr string, h http.Handler) {
	//#nosec G112
	_ = &http.Server{Addr: addr, Handler: h}

	_ = &http.Server{Addr: addr} // #nosec G112 G114 -- only reachable from the cluster

	_ = http.ListenAndServe(addr, h) /* #nosec G114 */

	// #nosec
	_ = http.ListenAndServe(addr, h)

	_ = http.ListenAndServe(addr, h) // #nosec -- bare, with a justification
}

// A #nosec for another gosec rule, or one naming G112 on a serve function (G114's), decides
// nothing about these; nor does a G-number in the justification, nor #nosec mid-comment.
func nosecOtherRules(addr, url string, h http.Handler) {
	_ = &http.Server{Addr: addr} // #nosec G402 // want GL006 "http.Server without ReadHeaderTimeout"

	_ = http.ListenAndServe(addr, h) // #nosec G112 // want GL006 "http.ListenAndServe runs an http.Server"

	_ = &http.Server{Addr: addr} // #nosec G104 -- unlike G112 // want GL006 "http.Server without ReadHeaderTimeout"

	_ = http.ListenAndServe(addr, h) // see #nosec G114 below // want GL006 "http.ListenAndServe runs an http.Server"

	_, _ = http.Get(url) // #nosec G112 G114 // want GL006 "http.Get uses http.DefaultClient"
}
