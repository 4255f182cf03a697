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
package main

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
    # with its requests. The same code in a package is reported.
    assert [f.line for f in engine.analyze_source("gen.go", GENERATOR, ("GL008",), {}).findings] == [6]
    ignored = b"//go:build ignore\n\n" + GENERATOR
    assert engine.analyze_source("gen.go", ignored, ("GL008",), {}).findings == []
