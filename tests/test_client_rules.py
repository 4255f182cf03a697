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
    for name in ("a.go", "b.go"):
        path = tmp_path / "m" / name
        text = path.read_text()
        path.write_text(text.replace("package messages\n", "package messages\n\n// moved\n\n", 1))
    after = engine.scan([str(tmp_path / "m")], [BY_CODE["GL007"]], settings).findings
    assert [f.line + 3 for f in before] == [f.line for f in after]
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
