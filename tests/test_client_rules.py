"""Options of the client rules reach the checks, triggers included."""

from __future__ import annotations

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
