"""GL005 names what is made: an `http.Transport` (or a `Clone()` of one) is a connection
pool, a constructor such as `pubsub.NewClient` makes a client. Every fact in the message
is true of the code (README: severity and message policy)."""

from __future__ import annotations

import os

from goleaklint import engine
from goleaklint.model import Confidence

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


def test_a_transport_two_factories_deep_is_reported_where_it_is_dropped() -> None:
    with open(os.path.join(FOLDER, "relay_factory.go"), "rb") as handle:
        found = engine.analyze_source("relay_factory.go", handle.read(), ("GL005",), {})
    dropped = [f for f in found.findings if "gateway.forward`" in f.message]
    assert len(dropped) == 1
    assert dropped[0].message == ("`upstreamTransport` returns a new connection pool built by `baseTransport` on every "
                                  "call; `gateway.forward` drops it unclosed: build it once and share it")
    assert dropped[0].confidence != Confidence.LOW
