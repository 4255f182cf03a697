"""GL008's severity follows the consequence (README): an error where a path leaves the
body unread and open (the connection stays busy), a warning where every such path
decodes it or reads it through a limit (busy only when the decoding fails or the reply
passes the limit), a note where every such path reads it until EOF or an error (the
transport has the connection back, or has closed it): only net/http's contract is left."""

from __future__ import annotations

import os

from goleaklint import engine

FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "testdata", "body_not_closed")


def _severities(name: str) -> dict[int, str]:
    with open(os.path.join(FOLDER, name), "rb") as handle:
        found = engine.analyze_source(name, handle.read(), ("GL008",), {})
    return {f.line: f.severity.value for f in found.findings}


def test_a_body_read_until_eof_is_a_note() -> None:
    severities = _severities("drained.go")
    # io.ReadAll on every open path (client.Do; http.Get)
    assert severities[12] == "note" and severities[230] == "note"


def test_a_decoded_body_is_a_warning_and_an_unread_one_an_error() -> None:
    severities = _severities("drained.go")
    assert severities[34] == "warning" and severities[239] == "warning"
    assert severities[22] == "error" and severities[248] == "error"


def test_a_helper_that_closes_only_on_success_is_named_in_an_error() -> None:
    """A helper that returns an error with the body still open (its read failed) and
    closes it otherwise: the caller's finding names it, and the body stays busy."""
    with open(os.path.join(FOLDER, "partial_helpers.go"), "rb") as handle:
        found = engine.analyze_source("partial_helpers.go", handle.read(), ("GL008",), {})
    reports = {f.line: (f.severity.value, f.message) for f in found.findings}
    assert reports == {
        27: ("error", "`resp.Body` from c.Do is passed to decodeReceipt, which leaves it open on an error "
                      "return: defer resp.Body.Close() after the error check"),
        45: ("error", "`resp.Body` from c.Get is passed to readAndClose, which leaves it open on an error "
                      "return: defer resp.Body.Close() after the error check"),
    }


def test_a_response_returned_open_and_returned_closed_is_named() -> None:
    """Returned with its body closed on success and open after a failed read: the
    finding names both returns."""
    with open(os.path.join(FOLDER, "returned_open.go"), "rb") as handle:
        found = engine.analyze_source("returned_open.go", handle.read(), ("GL008",), {})
    assert [(f.line, f.severity.value, f.message) for f in found.findings] == [
        (12, "error", "`resp.Body` from c.Get is returned open at line 18 but closed before the successful return "
                      "at line 21: defer resp.Body.Close() after the error check")]


def test_a_deferred_close_in_a_loop_over_decoded_bodies_is_a_warning_about_open_responses() -> None:
    with open(os.path.join(FOLDER, "deferred_loop.go"), "rb") as handle:
        found = engine.analyze_source("deferred_loop.go", handle.read(), ("GL008",), {})
    by_line = {f.line: f for f in found.findings}
    decoded, unread = by_line[13], by_line[[line for line in by_line if line != 13][0]]
    # each iteration that goes on has decoded the reply: no word on connections
    assert decoded.severity.value == "warning" and "connection" not in decoded.message
    assert "each iteration's decoded response stays open until then" in decoded.message
    assert unread.severity.value == "error" and "holds its connection" in unread.message


def test_a_replaced_body_is_a_note_after_a_full_read_and_an_error_otherwise() -> None:
    """`resp.Body = io.NopCloser(...)` with nothing before it that could close the
    original: read to EOF first, only the Close is missing (a note); read part way, the
    connection stays busy (an error)."""
    with open(os.path.join(FOLDER, "replaced.go"), "rb") as handle:
        found = engine.analyze_source("replaced.go", handle.read(), ("GL008",), {})
    assert [(f.line, f.severity.value, f.message) for f in found.findings] == [
        (17, "note", "`resp.Body` from a.hc.Do is read to EOF, then replaced at line 23 without a Close, which "
                     "net/http asks for: call resp.Body.Close() before replacing it"),
        (84, "error", "`resp.Body` from a.hc.Do is replaced at line 89 before it is closed, so the original body "
                      "is never closed: call resp.Body.Close() before replacing it")]


def test_a_cancelled_request_keeps_its_reason_in_a_long_message_and_is_low() -> None:
    """Every open path cancels the request: a warning whose message keeps why (the
    connection is dropped), also when the loop's message must be shortened; low unless
    the code shows it runs again."""
    with open(os.path.join(FOLDER, "cancelled.go"), "rb") as handle:
        found = engine.analyze_source("cancelled.go", handle.read(), ("GL008",), {})
    cancelled = [f for f in found.findings if "cancelled" in f.message]
    assert len(cancelled) == 5
    # shown: it serves requests (through a given client or transport); low through the function's own transport
    assert sorted(f.confidence.value for f in cancelled) == ["high", "high", "low", "low", "low"]
    assert [f.confidence.value for f in cancelled if f.function == "cancelledOwnTransport"] == ["low"]
    for finding in cancelled:
        assert finding.severity.value == "warning"
        assert "(its request is cancelled" in finding.message and "connection" in finding.message
        assert len(finding.message) <= 160
    looped = [f for f in cancelled if "loop continues" in f.message]
    assert looped and looped[0].message.startswith("`resp.Body` ")


def test_a_client_timeout_is_a_warning_that_says_so_and_low_unless_it_runs_again() -> None:
    """A client with a Timeout drops the connection when the timer fires: a warning whose
    message says so, low unless the code shows it runs again; a Timeout set only in a
    branch says nothing, and the body that stays open is an error."""
    with open(os.path.join(FOLDER, "cancelled.go"), "rb") as handle:
        found = engine.analyze_source("cancelled.go", handle.read(), ("GL008",), {})
    timed = [f for f in found.findings if "Timeout" in f.message]
    assert len(timed) == 2
    assert sorted(f.confidence.value for f in timed) == ["high", "low"]  # shown: it takes a request
    for finding in timed:
        assert finding.severity.value == "warning"
        assert "(its client's Timeout drops the connection only when it fires)" in finding.message
    assert any(f.severity.value == "error" and f.message.startswith("`resp.Body` from client.Do is never closed:")
               for f in found.findings)


def test_a_method_value_close_closes_the_body() -> None:
    """`defer warn(resp.Body.Close, ...)`: closed from the defer on; what stays is true."""
    with open(os.path.join(FOLDER, "method_value_close.go"), "rb") as handle:
        found = engine.analyze_source("method_value_close.go", handle.read(), ("GL008",), {})
    messages = [f.message for f in found.findings]
    assert not any("never closed" in m and "first.Body" in m for m in messages)
    assert any(m.startswith("`resp.Body` from hc.Get is closed on the happy path but not when the function returns")
               for m in messages)
