"""GL008's `check-consumption` option: a body closed on every path but never read is a
note (its HTTP/1 connection is closed, not reused); off by default."""

from __future__ import annotations

from goleaklint import engine

SOURCE = b"""\
package p

import (
	"errors"
	"io"
	"net/http"
)

func status(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func header(c *http.Client, req *http.Request) string {
	resp, _ := c.Do(req)
	defer func() {
		_ = resp.Body.Close()
	}()
	if resp.Body == nil {
		return ""
	}
	return resp.Header.Get("ETag")
}

func readDirectly(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	buf := make([]byte, 512)
	resp.Body.Read(buf)
}

func handedOn(url string, process func(io.Reader)) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	process(resp.Body)
}

func drained(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
}

func drainAndClose(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func helper(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	drainAndClose(resp)
}

func deleted(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return errors.New(resp.Status)
	}
	return nil
}

func written(url string, w io.Writer) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return resp.Write(w)
}

func leaked(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
"""
CONSUMPTION = {"GL008": {"check-consumption": True}}


def test_closed_but_unread_bodies_are_noted() -> None:
    found = engine.analyze_source("p.go", SOURCE, ("GL008",), CONSUMPTION).findings
    notes = [(f.line, f.severity.value) for f in found if "without being read" in f.message]
    # status() reads only the status; header() only a header, after a nil check of
    # the body. The bodies read, handed on, drained by a helper, written out with
    # resp.Write, or expected empty (204) are not noted.
    assert notes == [(10, "note"), (19, "note")]
    assert found[0].message == (
        "`resp.Body` from http.Get is closed without being read: over HTTP/1 its connection "
        "is closed, not reused; drain it with io.Copy(io.Discard, resp.Body) first")


def test_a_body_left_open_is_the_leak_not_the_note() -> None:
    found = engine.analyze_source("p.go", SOURCE, ("GL008",), CONSUMPTION).findings
    assert [(f.line, f.severity.value) for f in found if "without being read" not in f.message] == \
        [(92, "error")]
    assert "never closed" in found[-1].message


def test_off_by_default() -> None:
    found = engine.analyze_source("p.go", SOURCE, ("GL008",), {}).findings
    assert [f.line for f in found] == [92]


GENERATOR = b"""\
package gen

import "net/http"

func fetch(url string) int {
	res, err := http.Get(url)
	if err != nil {
		return 0
	}
	return res.StatusCode
}
"""


def test_programs_run_by_hand_are_not_checked() -> None:
    # A `//go:build ignore` generator is a program run once by hand: its process ends
    # with its requests. The same code in a library package is reported; in a package
    # main that holds nothing that keeps it running, it runs once per run (runs_once).
    assert [f.line for f in engine.analyze_source("gen.go", GENERATOR, ("GL008",), {}).findings] == [6]
    ignored = b"//go:build ignore\n\n" + GENERATOR
    assert engine.analyze_source("gen.go", ignored, ("GL008",), {}).findings == []
    program = GENERATOR.replace(b"package gen", b"package main")
    assert engine.analyze_source("gen.go", program, ("GL008",), {}).findings == []


PROGRAM = b"""\
package main

import (
	"net/http"
	"os"
)

func main() {
	_, err := http.Get(os.Args[1])
	if err != nil {
		os.Exit(1)
	}
	for _, u := range os.Args[2:] {
		res, err := http.Get(u)
		if err != nil {
			continue
		}
		println(res.StatusCode)
	}
}
"""


def test_a_request_made_once_by_main_is_not_reported() -> None:
    # main runs once per program: one response left open lives as long as the
    # process. The requests of its loop pile up and are reported.
    found = engine.analyze_source("main.go", PROGRAM, ("GL008",), {}).findings
    assert [(f.line, f.message) for f in found] == [
        (14, "`res.Body` from http.Get is never closed: call res.Body.Close() before the iteration ends")]


def test_the_functions_handing_back_a_body_are_found_on_the_lines_naming_io_readcloser() -> None:
    """GL008's helpers that hand back a body (`_RETURNS_READ_CLOSER`) are searched on
    the lines that hold `io.ReadCloser` only: the same names as a search of the
    whole text, in every fixture and on lines that name it twice, in a comment, in
    a parameter, or at the end of a text without a final newline."""
    import glob
    import os
    import re

    from goleaklint.rules import body_not_closed

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    texts = [open(p, "rb").read() for p in glob.glob(os.path.join(root, "testdata", "**", "*.go"), recursive=True)]
    texts.append(b"package a\n\nfunc (c *C) get(r io.ReadCloser) (io.ReadCloser, error) { return r, nil }\n"
                 b"// func commented() io.ReadCloser\nfunc open(u string) io.ReadCloser {\n\treturn nil\n}\n"
                 b"func two() (io.ReadCloser, io.ReadCloser)")
    checked = 0
    for text in texts:
        whole = {m.group(1).decode() for m in body_not_closed._RETURNS_READ_CLOSER.finditer(text)}
        assert body_not_closed._read_closer_functions(text) == whole
        checked += bool(whole)
    assert checked >= 2
    assert body_not_closed._read_closer_functions(texts[-1]) == {"get", "open", "two"}
