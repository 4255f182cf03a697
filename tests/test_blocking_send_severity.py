"""GL003's severity follows the consequence (README): a send whose receiver stops only
through its owner's own Close (a type's exported stop method that nothing in the
package calls) is a note that names the Close, when only the package's user runs the
send (exported methods, directly or through an unexported helper, also through a
wrapper type the package hands out); a send the package's own goroutines run, or whose
receiver the package stops itself, keeps the warning."""

from __future__ import annotations

import os
import re

from goleaklint import engine
from goleaklint.rules import ALL_RULES

TESTDATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "testdata")


def _found(folder: str) -> dict[str, tuple[str, str]]:
    rules = [r for r in ALL_RULES if r.code == "GL003"]
    settings = engine.Settings(default_excludes=False, include_generated=True)
    result = engine.scan([os.path.join(TESTDATA, folder)], rules, settings)
    assert not result.errors
    found = {}
    for finding in result.findings:
        with open(finding.path, encoding="utf-8") as handle:
            found[handle.read().splitlines()[finding.line - 1].strip().split(" //")[0]] = \
                (finding.severity.value, finding.message)
    return found


def test_a_send_only_the_packages_user_runs_after_close_is_a_note() -> None:
    found = _found(os.path.join("blocking_send", "closer"))
    assert found["r.chunks <- f"] == (
        "note", "send on `r.chunks` blocks forever if called after Recorder.Close, which stops its receiver "
                "(line 161) through `<-r.quit` at line 163; select on a done channel")
    assert found["s.frames <- f"][0] == "note" and found["t.spans <- s"][0] == "note"


def test_a_send_the_package_runs_itself_keeps_the_warning() -> None:
    found = _found(os.path.join("blocking_send", "closer"))
    for send in ("m.samples <- n", "g.results <- n", "c.out <- b"):
        severity, message = found[send]
        assert severity == "warning" and "called after" not in message, send


def test_a_send_that_blocks_only_after_the_packages_own_teardown_is_a_note() -> None:
    found = _found(os.path.join("blocking_send", "closer"))
    assert found["s.abandon <- id"] == (
        "note", "send on `s.abandon` blocks forever if called after session.close, which stops its receiver "
                "(line 25) through `<-s.closeC` at line 27; select on a done channel")
    # stopped by its own read loop when the peer goes away: not a teardown by an owner,
    # also through closeWithError (an end-of-life name only in part) or a deferred
    # cleanup of the loop's own receiver
    for send in ("p.out <- b", "c.writes <- b", "l.sends <- b"):
        severity, message = found[send]
        assert severity == "warning" and "called after" not in message, send


def test_the_package_check_lowers_a_send_after_an_owners_teardown_to_a_note() -> None:
    found = _found(os.path.join("blocking_send", "closer"))
    assert found["j.entries <- e"] == (
        "note", "send on `j.entries` blocks forever if called after journal.stop, which stops its receiver "
                "(journal.go:20) through `<-j.quit` at line 22; select on it too")
    severity, message = found["f.items <- n"]
    assert severity == "warning" and "called after" not in message


def test_a_loop_function_handed_its_owners_fields_stops_as_those_fields_do() -> None:
    found = _found(os.path.join("blocking_send", "closer"))
    # `relay(h.in, h.out, h.quit)` in Hub's own method: `<-quit` is Hub.quit, closed only in Close
    severity, message = found["h.in <- n"]
    assert severity == "note" and re.fullmatch(
        r"send on `h\.in` blocks forever if called after Hub\.Close, which stops its receiver \(line \d+\) "
        r"through `<-quit` at line \d+; select on a done channel", message), message
    # also run with a stop channel no Pump owns: the warning stays
    severity, message = found["p.in <- n"]
    assert severity == "warning" and "called after" not in message
    # a teardown that runs again (ring) and one that does not (feed) both stay notes
    assert found["r.lines <- s"][0] == "note" and found["f.items <- s"][0] == "note"
