"""GL005 names what is made: an `http.Transport` (or a `Clone()` of one) is a connection
pool, a constructor such as `pubsub.NewClient` makes a client. Every fact in the message
is true of the code (README: severity and message policy)."""

from __future__ import annotations

import os

from goleaklint import engine

FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "testdata", "per_request_client")


def _messages(name: str) -> dict[int, str]:
    with open(os.path.join(FOLDER, name), "rb") as handle:
        found = engine.analyze_source(name, handle.read(), ("GL005",), {})
    return {f.line: f.message for f in found.findings}


def test_a_transport_is_called_a_connection_pool() -> None:
    messages = _messages("proxy.go")
    assert messages[17] == ("`http.Transport{...}` makes a new connection pool on every request in handler "
                            "`forward` and never closes it; build it once and share it")


def test_a_client_constructor_is_still_called_a_client() -> None:
    messages = _messages("handlers.go")
    assert messages[22].startswith("`pubsub.NewClient` creates a client on every request in handler `publish`")
    assert "client" not in messages[69].split(";")[0].replace("http.Client", "")
