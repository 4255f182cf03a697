"""GL010's severity follows the consequence (README): a ticker that production code
leaves running is a warning; in test code (a `_test.go` file, a test-support package, a
function taking a `*testing.T`) it only wakes the test binary until it exits, so it is a
note that says so."""

from __future__ import annotations

import os

from goleaklint import engine

FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "testdata", "ticker_not_stopped")


def _found(name: str) -> dict[int, tuple[str, str]]:
    with open(os.path.join(FOLDER, name), "rb") as handle:
        found = engine.analyze_source(name, handle.read(), ("GL010",), {})
    return {f.line: (f.severity.value, f.message) for f in found.findings}


def test_a_ticker_of_a_test_helper_is_a_note_that_names_the_test_binary() -> None:
    found = _found("test_helper.go")
    assert found[11] == ("note", "ticker `tick` from time.NewTicker is never stopped, so it keeps firing "
                                 "until the test binary exits; defer tick.Stop()")
    severity, message = found[19]
    assert severity == "warning" and "test binary" not in message


def test_tickers_of_a_test_support_package_are_notes() -> None:
    found = _found(os.path.join("nodetest", "node.go"))
    assert {line: severity for line, (severity, _) in found.items()} == {15: "note", 28: "note"}
    assert found[15][1] == ("time.Tick's ticker can never be stopped and this function returns, so each call "
                            "leaks one until the test binary exits; use time.NewTicker and defer its Stop")


def test_tickers_of_test_files_are_notes() -> None:
    found = _found("policy_test.go")
    assert found and all(severity == "note" for severity, _ in found.values())
