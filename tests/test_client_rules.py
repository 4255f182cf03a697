"""Options of the client rules reach the checks, triggers included."""

from __future__ import annotations

import os

from goleaklint import engine

SOURCE = b'''package p

import (
	"net/http"

	"example.com/vault"
)

func handle(w http.ResponseWriter, r *http.Request) {
	v := vault.Connect(r.Context())
	_ = v
}
'''


def test_configured_constructor_is_found_even_without_a_trigger_word() -> None:
    result = engine.analyze_source("p.go", SOURCE, ("GL005",), {})
    assert result.findings == []
    options = {"GL005": {"constructors": ["vault.Connect"]}}
    result = engine.analyze_source("p.go", SOURCE.replace(b"Connect", b"Login"), ("GL005",),
                                   {"GL005": {"constructors": ["vault.Login"]}})
    assert [f.line for f in result.findings] == [10]
    result = engine.analyze_source("p.go", SOURCE, ("GL005",), options)
    assert [f.line for f in result.findings] == [10]


def test_package_facts_are_plain_picklable_data() -> None:
    import os
    import pickle

    folder = os.path.join(os.path.dirname(__file__), "..", "testdata", "nested_pool_acquire", "messages")
    for name in ("a.go", "b.go"):
        with open(os.path.join(folder, name), "rb") as handle:
            result = engine.analyze_source(name, handle.read(), ("GL006", "GL007"), {})
        assert result.facts["GL007"]["functions"]
        assert pickle.loads(pickle.dumps(result.facts)) == result.facts


def test_configured_literals_and_generic_handler_params() -> None:
    source = b'''package h

import (
	"net/http"

	"connectrpc.com/connect"
)

func (s *srv) Say(ctx context.Context, req *connect.Request[Msg]) (*connect.Response[Msg], error) {
	c := &http.Client{}
	return nil, nil
}

func plain(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{}
}
'''
    options = {"GL005": {"literals": ["http.Client"], "handler-params": ["*connect.Request"]}}
    result = engine.analyze_source("h.go", source, ("GL005",), options)
    assert [(f.line, f.function) for f in result.findings] == [(10, "srv.Say")]


def test_package_findings_keep_their_fingerprint_when_lines_move(tmp_path) -> None:
    import shutil

    from goleaklint.rules import BY_CODE

    source = os.path.join(os.path.dirname(__file__), "..", "testdata", "nested_pool_acquire", "messages")
    shutil.copytree(source, tmp_path / "m")
    settings = engine.Settings()
    before = engine.scan([str(tmp_path / "m")], [BY_CODE["GL007"]], settings).findings
    for path in (tmp_path / "m").glob("*.go"):
        text = path.read_text()
        path.write_text(text.replace("package messages\n", "package messages\n\n// moved\n\n", 1))
    after = engine.scan([str(tmp_path / "m")], [BY_CODE["GL007"]], settings).findings
    assert [f.line + 3 for f in before] == [f.line for f in after]
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]


def test_configured_sql_transactions_count_as_held_connections() -> None:
    from goleaklint.rules import BY_CODE

    source = b'''package bank

import (
	"context"
	"database/sql"
)

var db *sql.DB

func Transfer(ctx context.Context) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := audit(ctx); err != nil {
		return err
	}
	return tx.Commit()
}

func audit(ctx context.Context) error {
	rows, err := db.QueryContext(ctx, "select 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}
'''
    options = {"GL007": {
        "acquire-methods": ["Get", "GetContext", "Conn", "Acquire", "BeginTx", "QueryContext"],
        "release-methods": ["Close", "Release", "Commit", "Rollback"],
    }}
    rule = BY_CODE["GL007"]
    plain = engine.analyze_source("bank.go", source, ("GL007",), {"GL007": {"acquire-methods": rule.options["acquire-methods"]}})
    assert list(rule.package_check({"bank.go": plain.facts["GL007"]}, rule.options)) == []
    result = engine.analyze_source("bank.go", source, ("GL007",), options)
    findings = list(rule.package_check({"bank.go": result.facts["GL007"]}, {**rule.options, **options["GL007"]}))
    assert [(path, report.at.line) for path, report in findings] == [("bank.go", 16)]
    assert "`Transfer` holds a connection from `db`" in findings[0][1].message


def test_programs_behind_the_old_build_ignore_tag_are_skipped() -> None:
    """`// +build ignore` (before Go 1.17 added `//go:build`) marks a program run by hand."""
    program = b'''// +build ignore

package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}
'''
    assert engine.analyze_source("gen.go", program, ("GL006",), {}).findings == []
    served = engine.analyze_source("gen.go", program.replace(b"// +build ignore\n\n", b""), ("GL006",), {})
    assert [f.line for f in served.findings] == [6]


def test_servers_of_a_modules_test_programs_are_skipped(tmp_path) -> None:
    """A fake server of an integration suite (`tests/lib/fakestore` below the go.mod) is
    test support code; a module whose checkout merely lies under a `tests` folder is not."""
    program = b'''package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}
'''
    module = tmp_path / "tests" / "project"
    fake = module / "tests" / "lib" / "fakestore"
    fake.mkdir(parents=True)
    (module / "go.mod").write_text("module example.com/project\n\ngo 1.21\n")
    assert engine.analyze_source(str(fake / "main.go"), program, ("GL006",), {}).findings == []
    served = engine.analyze_source(str(module / "main.go"), program, ("GL006",), {})
    assert [f.message for f in served.findings] == [
        "http.ListenAndServe runs an http.Server without timeouts that slow clients can hold open forever; "
        "use an http.Server with ReadHeaderTimeout"]


def test_a_modules_test_harness_is_skipped(tmp_path) -> None:
    """A functional test harness (`functional/tester`, `functional/cmd/proxy`, a
    `harness` or `*tester` folder below the go.mod) drives members it controls, and its
    run is bounded by the harness's own timeout; a module whose checkout lies under a
    `functional` folder is not one."""
    library = b'''package tester

import "net/http"

func inject(endpoint string) error {
	resp, err := http.Get(endpoint)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
'''
    module = tmp_path / "functional" / "project"
    module.mkdir(parents=True)
    (module / "go.mod").write_text("module example.com/project\n\ngo 1.21\n")
    for folder in ("functional/tester", "functional/cmd/proxy", "harness", "tools/load-tester"):
        (module / folder).mkdir(parents=True)
        found = engine.analyze_source(str(module / folder / "failpoints.go"), library, ("GL006",), {})
        assert found.findings == [], folder
    for folder in (".", "testerx", "functionality"):
        (module / folder).mkdir(parents=True, exist_ok=True)
        found = engine.analyze_source(str(module / folder / "failpoints.go"), library, ("GL006",), {})
        assert [f.line for f in found.findings] == [6], folder


def test_programs_that_need_the_ignore_tag_among_others_are_skipped() -> None:
    """`//go:build !cgo && upgrade && ignore` is built only when asked for by hand, as a
    plain `ignore` (or `none`); `!ignore` or `linux || ignore` is an ordinary build."""
    program = b'''//go:build !cgo && upgrade && ignore
// +build !cgo,upgrade,ignore

package upgrade

import "net/http"

func Fetch() {
	http.Get("https://www.sqlite.org/download.html")
}
'''
    assert engine.analyze_source("upgrade.go", program, ("GL006",), {}).findings == []
    never = program.replace(b"!cgo && upgrade && ignore", b"none").replace(b"!cgo,upgrade,ignore", b"none")
    assert engine.analyze_source("upgrade.go", never, ("GL006",), {}).findings == []
    for built in (b"//go:build !ignore\n// +build !ignore", b"//go:build linux || ignore\n// +build linux ignore"):
        source = program.replace(b"//go:build !cgo && upgrade && ignore\n// +build !cgo,upgrade,ignore", built)
        found = engine.analyze_source("upgrade.go", source, ("GL006",), {}).findings
        assert [f.line for f in found] == [9], built


def test_example_programs_of_a_module_are_skipped(tmp_path) -> None:
    """An example or demo program of a module (`examples/webhook`, `contrib/raftexample`,
    `tlsdemo` below the go.mod, or a module of its own in such a folder of another
    module, or a `samples` folder) shows a library's use and is run by hand; a module whose
    checkout lies under an `examples` folder, or a `sample` package, is not one."""
    program = b'''package main

import "net/http"

func main() {
	http.ListenAndServe(":5001", nil)
}
'''
    module = tmp_path / "examples" / "project"
    (module).mkdir(parents=True)
    (module / "go.mod").write_text("module example.com/project\n\ngo 1.21\n")
    for folder in ("examples/webhook", "contrib/raftexample", "tlsdemo", "_example", "samples/receiver"):
        (module / folder).mkdir(parents=True)
        assert engine.analyze_source(str(module / folder / "main.go"), program, ("GL006",), {}).findings == [], folder
    for folder in (".", "sample", "exampled"):
        (module / folder).mkdir(parents=True, exist_ok=True)
        served = engine.analyze_source(str(module / folder / "main.go"), program, ("GL006",), {})
        assert [f.line for f in served.findings] == [6], folder
    # A module of examples inside the library's (`examples/go.mod`): its own folder counts.
    nested = module / "examples"
    (nested / "go.mod").write_text("module example.com/project/examples\n\ngo 1.21\n")
    (nested / "features" / "server").mkdir(parents=True)
    assert engine.analyze_source(str(nested / "features" / "server" / "main.go"), program, ("GL006",), {}).findings == []
    # GOPATH mode (no go.mod): the folders below the last `src` count, those above do not.
    gopath = tmp_path / "demos" / "gopath" / "src" / "example.com" / "lib"
    (gopath / "example").mkdir(parents=True)
    assert engine.analyze_source(str(gopath / "example" / "main.go"), program, ("GL006",), {}).findings == []
    served = engine.analyze_source(str(gopath / "main.go"), program, ("GL006",), {})
    assert [f.line for f in served.findings] == [6]


def test_a_download_through_the_default_client_is_told_to_bound_the_headers() -> None:
    """A Client.Timeout bounds the whole transfer and would cut a long download short:
    where the body is copied out, the advice names the transport's header timeout."""
    source = b'''package fetch

import (
	"io"
	"net/http"
	"os"
)

func download(url string, out *os.File) error {
	resp, err := http.DefaultClient.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(out, resp.Body)
	return err
}

func status(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
'''
    found = engine.analyze_source("fetch.go", source, ("GL006",), {}).findings
    assert [(f.line, f.message) for f in found] == [
        (10, "http.DefaultClient.Get has no timeout and waits forever on a stalled server; "
             "for this download, use a Transport with ResponseHeaderTimeout"),
        (20, "http.Get uses http.DefaultClient, which has no Timeout and waits forever on a stalled server; "
             "use a client with Timeout or ResponseHeaderTimeout")]


def test_an_error_text_read_into_a_buffer_is_not_a_download() -> None:
    """An upload whose error response is copied into an in-memory buffer gets the plain
    advice: the message must not call it a download."""
    source = b'''package store

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

func putPart(url string, part io.Reader) error {
	req, err := http.NewRequest("PUT", url, part)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		text := new(strings.Builder)
		io.Copy(text, res.Body)
		return fmt.Errorf("put: %s", text.String())
	}
	return nil
}
'''
    found = engine.analyze_source("store.go", source, ("GL006",), {}).findings
    assert [f.message for f in found] == [
        "http.DefaultClient.Do uses http.DefaultClient, which has no Timeout and waits forever on a stalled "
        "server; use a client with Timeout or ResponseHeaderTimeout"]


def test_an_error_text_copied_out_on_a_failed_status_is_not_a_download() -> None:
    """A command's one API request whose error response it copies to stdout or stderr
    on a failed status gets the plain advice: it is a request, not a download. A copy to
    a file in the branch of a good status stays a download."""
    source = b'''package main

import (
	"io"
	"net/http"
	"net/url"
	"os"
)

func call(endpoint string, request string) {
	resp, err := http.PostForm(endpoint, url.Values{"request": {request}})
	if err != nil {
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(os.Stdout, resp.Body)
		return
	}
}

func report(endpoint string) {
	resp, err := http.Get(endpoint)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(os.Stderr, resp.Body)
}

func fetch(endpoint string, out *os.File) {
	resp, err := http.Get(endpoint)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		io.Copy(out, resp.Body)
	}
}

func serve() {
	http.ListenAndServe(":8080", nil)
}
'''
    found = engine.analyze_source("api.go", source, ("GL006",), {}).findings
    plain = "uses http.DefaultClient, which has no Timeout and waits forever on a stalled server; " \
        "use a client with Timeout or ResponseHeaderTimeout"
    assert [f.message for f in found if not f.message.startswith("http.ListenAndServe")] == [
        f"http.PostForm {plain}",
        f"http.Get {plain}",
        "http.Get uses http.DefaultClient, which has no Timeout and waits forever on a stalled server; "
        "for this download, use a Transport with ResponseHeaderTimeout"]


def test_a_debug_endpoint_on_the_default_mux_is_not_reported() -> None:
    """pprof and expvar served from http.DefaultServeMux (a nil handler) are for the
    program's developers: a file importing net/http/pprof, or an address naming debug.
    A nil-handler server elsewhere, or one with a handler of its own, is reported."""
    served = b'''package main

import (
	"net/http"
	_ "net/http/pprof"
)

func main() {
	go http.ListenAndServe(":6060", nil)
	http.ListenAndServe(":8080", http.NotFoundHandler())
}
'''
    found = engine.analyze_source("main.go", served, ("GL006",), {}).findings
    assert [f.line for f in found] == [10]
    named = b'''package main

import "net/http"

type config struct{ Debug struct{ Addr string } }

func serve(cfg config) {
	go func(addr string) {
		http.ListenAndServe(addr, nil)
	}(cfg.Debug.Addr)
	http.ListenAndServe(cfg.Debug.Addr, nil)
	http.ListenAndServe(":8080", nil)
	http.ListenAndServe(cfg.ProfilerAddr, nil)
}
'''
    found = engine.analyze_source("serve.go", named.replace(b"Debug struct{ Addr string } }",
                                                            b"Debug struct{ Addr string }; ProfilerAddr string }"),
                                  ("GL006",), {}).findings
    assert [f.line for f in found] == [12]


def test_debug_endpoint_and_shortcut_parameters_resolve_through_names() -> None:
    """The literal's parameter (or the method's receiver) is the one the name means: an
    if-initializer's `addr` inside the debug literal serves another address, reported;
    a shortcut that serves another engine's handler (a shadowing `e`) is a warning, not
    the note of a library shortcut."""
    served = b'''package main

import "net/http"

type config struct{ Debug struct{ Addr string } }

func public() string { return ":8080" }

func serve(cfg config) {
	go func(addr string) {
		if addr := public(); addr != "" {
			http.ListenAndServe(addr, nil)
		}
		http.ListenAndServe(addr, nil)
	}(cfg.Debug.Addr)
}
'''
    found = engine.analyze_source("serve.go", served, ("GL006",), {}).findings
    assert [f.line for f in found] == [12]
    shortcut = b'''package web

import "net/http"

type Engine struct{}

func (e *Engine) Handler() http.Handler { return nil }

var fallback = &Engine{}

func (e *Engine) Run(addr string) error {
	return http.ListenAndServe(addr, e.Handler())
}

func (e *Engine) RunFallback(addr string) error {
	if e := fallback; e != nil {
		return http.ListenAndServe(addr, e.Handler())
	}
	return nil
}
'''
    found = engine.analyze_source("web.go", shortcut, ("GL006",), {}).findings
    assert [(f.line, f.severity.value) for f in found] == [(12, "note"), (17, "warning")]


def test_a_long_poll_client_is_not_told_to_time_out() -> None:
    """A server that holds a request open until an event comes (`?wait_for_change=true`,
    `/events?since=`) is answered by a client without a bound on purpose."""
    source = b'''package watch

import (
	"fmt"
	"net/http"
)

var client = &http.Client{}

func next(base string, since int) (*http.Response, error) {
	return client.Get(fmt.Sprintf("%s/rest/events?since=%d", base, since))
}

func poll(base string) (*http.Response, error) {
	return http.DefaultClient.Get(base + "/value")
}
'''
    assert engine.analyze_source("watch.go", source, ("GL006",), {}).findings == []
    plain = source.replace(b"/rest/events?since=%d", b"/rest/value/%d")
    assert [f.line for f in engine.analyze_source("watch.go", plain, ("GL006",), {}).findings] == [8, 15]


def test_a_program_its_comment_says_to_go_run_is_skipped() -> None:
    """`go run prober.go` in the comment above `package main` of prober.go: a probe run
    by hand from its source. The same comment naming another file, or in a library,
    says nothing about this one."""
    program = b'''// Prober checks a CA by hand:
//
//	go run prober.go -a :8080
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}
'''
    assert engine.analyze_source("prober.go", program, ("GL006",), {}).findings == []
    assert [f.line for f in engine.analyze_source("server.go", program, ("GL006",), {}).findings] == [9]
    library = program.replace(b"package main", b"package probe").replace(b"func main()", b"func Run()")
    assert [f.line for f in engine.analyze_source("prober.go", library, ("GL006",), {}).findings] == [9]


def test_a_librarys_shortcut_for_the_callers_handler_is_a_note() -> None:
    """An exported function that serves the caller's `http.Handler` on a server it keeps
    to itself (or hands it to http.ListenAndServe) is a shortcut, as http.ListenAndServe
    is: a note with the same message. A server kept in a value of the library's, one
    with a handler of the library's, an unexported helper's, or one in package main is
    a warning."""
    path = os.path.join(os.path.dirname(__file__), "..", "testdata", "missing_timeout", "ops", "shortcut.go")
    with open(path, "rb") as handle:
        source = handle.read()
    found = engine.analyze_source("shortcut.go", source, ("GL006",), {}).findings
    assert [(f.line, f.severity.value) for f in found] == [
        (19, "note"), (39, "warning"), (49, "warning"), (55, "warning"), (62, "note"), (67, "warning")]
    assert found[0].message == ("http.Server without ReadHeaderTimeout or ReadTimeout lets a slow client hold a "
                                "goroutine and a socket as long as it likes (Slowloris); set ReadHeaderTimeout")
    program = source.replace(b"package ops", b"package main")
    assert {f.severity.value for f in engine.analyze_source("shortcut.go", program, ("GL006",), {}).findings} == \
        {"warning"}


def test_a_frameworks_runner_for_the_callers_configurators_is_a_low_note() -> None:
    """A server literal of an exported function that hands the function's own variadic
    configurators on, spread, in the same statement (`app.NewHost(&http.Server{Addr:
    addr}).Configure(opts...)`) is a framework's runner whose timeouts are its caller's
    configuration: a note of low confidence, with the same message. A server that no
    option of the caller reaches stays a warning, and in package main nothing changes."""
    path = os.path.join(os.path.dirname(__file__), "..", "testdata", "missing_timeout", "runner", "runner.go")
    with open(path, "rb") as handle:
        source = handle.read()
    found = engine.analyze_source("runner.go", source, ("GL006",), {"min_confidence": "low"}).findings
    assert [(f.line, f.severity.value, f.confidence.value) for f in found] == [
        (47, "note", "low"), (56, "note", "low"), (63, "warning", "medium"), (73, "warning", "medium")]
    assert found[0].message == found[2].message == (
        "http.Server without ReadHeaderTimeout or ReadTimeout lets a slow client hold a goroutine and a socket as "
        "long as it likes (Slowloris); set ReadHeaderTimeout")
    program = source.replace(b"package web", b"package main")
    assert {f.severity.value for f in engine.analyze_source("runner.go", program, ("GL006",),
                                                           {"min_confidence": "low"}).findings} == {"warning"}
